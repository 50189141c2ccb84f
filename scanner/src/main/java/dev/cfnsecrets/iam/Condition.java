package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.Node;
import java.util.List;
import java.util.Locale;

/**
 * One condition of a statement: {@code operator} as written (e.g. {@code ForAnyValue:StringLike},
 * {@code StringEqualsIfExists}), the condition {@code key} and its values.
 */
public record Condition(String operator, String key, List<PolicyString> values, Node node) {
    public Condition {
        values = List.copyOf(values);
    }

    /** The key in lower case: condition keys are case-insensitive. */
    public String normalizedKey() {
        return key.toLowerCase(Locale.ROOT);
    }

    /** The operator without set qualifiers ({@code ForAnyValue:}) and without {@code IfExists}. */
    public String baseOperator() {
        String op = operator;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            op = op.substring(colon + 1);
        }
        return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
    }

    /** {@code …IfExists}: the condition holds when the key is absent from the request. */
    public boolean ifExists() {
        return operator.endsWith("IfExists");
    }

    /**
     * Whether the condition only lets requests through whose key equals (or is like) one of the
     * values, and at least one value is more than a bare wildcard: {@code StringEquals}, {@code
     * StringEqualsIgnoreCase}, {@code StringLike}, {@code ArnEquals}, {@code ArnLike}, without
     * {@code IfExists} (which lets requests without the key through).
     */
    public boolean requiresMatchingValue() {
        String op = baseOperator();
        boolean positive =
                op.equals("StringEquals")
                        || op.equals("StringEqualsIgnoreCase")
                        || op.equals("StringLike")
                        || op.equals("ArnEquals")
                        || op.equals("ArnLike");
        return positive && !ifExists() && values.stream().anyMatch(v -> !isBareWildcard(v));
    }

    /** {@code StringNotEquals}, {@code StringNotLike}, {@code ArnNotEquals}, {@code ArnNotLike}. */
    public boolean isNegatedMatch() {
        String op = baseOperator();
        return op.equals("StringNotEquals")
                || op.equals("StringNotEqualsIgnoreCase")
                || op.equals("StringNotLike")
                || op.equals("ArnNotEquals")
                || op.equals("ArnNotLike");
    }

    private static boolean isBareWildcard(PolicyString value) {
        return !value.glob().isEmpty() && value.glob().chars().allMatch(c -> c == '*');
    }
}
