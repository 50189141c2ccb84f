package dev.cfnsecrets.envsize;

import java.util.Comparator;
import java.util.List;

/**
 * The size of one environment a function may deploy with: the compact JSON of its variables map,
 * {@code {"K1":"V1","K2":"V2"}}, in UTF-8 bytes. Known bytes are exact when every value is known
 * and a lower bound otherwise.
 */
public record EnvironmentSize(List<VariableSize> variables) {
    /** Lambda's limit on the whole environment (docs/facts.md#lambda-environment-size-limit). */
    public static final long LIMIT = 4096;

    public EnvironmentSize {
        variables = List.copyOf(variables);
    }

    /** Bytes of the JSON with unknown pieces counted as empty: exact, or a lower bound. */
    public long knownBytes() {
        return total(
                variables.stream().mapToLong(v -> v.largestKnown().knownShare()).sum(),
                variables.stream().anyMatch(v -> v.largestKnown().present()));
    }

    /** Bytes once every unknown piece takes its common size ({@link UnknownSizes}). */
    public long possibleBytes() {
        return total(
                variables.stream().mapToLong(v -> v.largestPossible().possibleShare()).sum(),
                variables.stream().anyMatch(v -> v.largestPossible().present()));
    }

    /** Each member carries its separator; one brace is left over, and "{}" alone is 2 bytes. */
    private static long total(long shares, boolean anyMember) {
        return anyMember ? shares + 1 : 2;
    }

    /** Known bytes of the variables written in SAM Globals (members and separators). */
    public long globalsBytes() {
        long shares =
                variables.stream()
                        .filter(VariableSize::fromGlobals)
                        .mapToLong(v -> v.largestKnown().knownShare())
                        .sum();
        // The leftover brace belongs to the function unless all members come from Globals.
        return shares > 0 && functionMembers() == 0 ? shares + 1 : shares;
    }

    public long functionBytes() {
        return knownBytes() - globalsBytes();
    }

    private long functionMembers() {
        return variables.stream()
                .filter(v -> !v.fromGlobals() && v.largestKnown().present())
                .count();
    }

    /** Unknown pieces of the branches counted in {@link #knownBytes()}. */
    public List<UnknownValue> unknownsOfKnown() {
        return variables.stream().flatMap(v -> v.largestKnown().unknowns().stream()).toList();
    }

    /** Unknown pieces of the branches counted in {@link #possibleBytes()}. */
    public List<UnknownValue> unknownsOfPossible() {
        return variables.stream().flatMap(v -> v.largestPossible().unknowns().stream()).toList();
    }

    /** The {@code n} variables with the most known bytes, largest first. */
    public List<VariableSize> largestContributors(int n) {
        return variables.stream()
                .filter(v -> v.largestKnown().present())
                .sorted(
                        Comparator.comparingLong((VariableSize v) -> v.largestKnown().knownShare())
                                .reversed())
                .limit(n)
                .toList();
    }
}
