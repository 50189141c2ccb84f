package dev.cfnsecrets.source;

/**
 * Input limits that keep a hostile or broken file from exhausting time or memory
 * (docs/architecture.md#limits-and-budgets).
 */
public record Limits(long maxFileBytes, int maxAliases, int maxDepth) {

    public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 100, 200);

    /**
     * Upper bound on the nodes a document may expand to once aliases are followed: an alias bomb
     * stays under {@link #maxAliases()} and still multiplies, so the expansion is capped too.
     */
    public long maxExpandedNodes() {
        return Math.max(1_000_000L, maxFileBytes / 4);
    }
}
