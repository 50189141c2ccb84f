package dev.cfnsecrets.catalog;

import java.util.Locale;

/**
 * How often a rule's findings are true problems, in code scanning's four steps (GitHub orders
 * alerts by it): {@code very-high} for facts we measure or parse, down to {@code medium} for
 * findings that rest on a variable's or parameter's name.
 */
public enum Precision {
    VERY_HIGH,
    HIGH,
    MEDIUM,
    LOW;

    /** The value as SARIF's {@code properties.precision} and the rule files write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Precision parse(String value, String origin) {
        for (Precision p : values()) {
            if (p.id().equals(value)) {
                return p;
            }
        }
        throw new IllegalStateException(
                origin + ": 'precision' is very-high, high, medium or low, not '" + value + "'");
    }
}
