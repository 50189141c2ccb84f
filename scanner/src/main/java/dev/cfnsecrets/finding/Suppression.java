package dev.cfnsecrets.finding;

/** Why a finding is silenced. Suppressed findings are kept in reports but never fail the scan. */
public record Suppression(Kind kind, String justification) {

    public enum Kind {
        /** Silenced in the template itself (resource Metadata). */
        IN_SOURCE,
        /** Silenced outside the template (baseline file, configuration). */
        EXTERNAL
    }
}
