package dev.cfnsecrets.cli;

import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ScanResult;

/** {@code --fail-on}: the lowest level of unsuppressed finding that makes the scan exit with 1. */
enum FailOn {
    ERROR(Level.ERROR), WARNING(Level.WARNING), NOTE(Level.NOTE), NONE(null);

    private final Level threshold;

    FailOn(Level threshold) {
        this.threshold = threshold;
    }

    boolean fails(ScanResult result) {
        return threshold != null && result.countAtOrAbove(threshold) > 0;
    }
}
