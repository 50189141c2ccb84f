package dev.cfnsecrets.scan;

import dev.cfnsecrets.finding.Level;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lowest level of unsuppressed finding that fails a scan: {@code --fail-on} of the command
 * line, {@code failOn} of the Maven plugin, {@code fail-on} of the GitHub Action.
 */
public enum FailOn {
    ERROR(Level.ERROR),
    WARNING(Level.WARNING),
    NOTE(Level.NOTE),
    NONE(null);

    private final Level threshold;

    FailOn(Level threshold) {
        this.threshold = threshold;
    }

    public boolean fails(ScanResult result) {
        return threshold != null && result.countAtOrAbove(threshold) > 0;
    }

    /** How many unsuppressed findings are at or above the threshold (0 for {@link #NONE}). */
    public long count(ScanResult result) {
        return threshold == null ? 0 : result.countAtOrAbove(threshold);
    }

    /** Case-insensitive: {@code error}, {@code warning}, {@code note} or {@code none}. */
    public static FailOn parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown fail level '"
                            + text
                            + "' (expected "
                            + Arrays.stream(values())
                                    .map(v -> v.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))
                            + ")",
                    e);
        }
    }
}
