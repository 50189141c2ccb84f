package dev.cfnsecrets.finding;

import java.util.Locale;

/** SARIF result levels, ordered by severity. */
public enum Level {
    NOTE,
    WARNING,
    ERROR;

    /** The SARIF spelling: {@code note}, {@code warning}, {@code error}. */
    public String sarifName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
