package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * Which statements cover which actions: case-insensitive globs, {@code NotAction} as the
 * complement.
 */
public final class Actions {
    /**
     * Actions whose responses hold a function's environment variables
     * (docs/facts.md#who-can-read-function-configuration), scoped to a function.
     */
    public static final List<String> FUNCTION_CONFIG_READS =
            List.of(
                    "lambda:GetFunctionConfiguration",
                    "lambda:GetFunction",
                    "lambda:ListVersionsByFunction");

    /**
     * Returns the configuration of every function in the Region; it takes no resource, so it cannot
     * be scoped.
     */
    public static final String LIST_FUNCTIONS = "lambda:ListFunctions";

    /** Actions that return plaintext under a KMS key. */
    public static final List<String> DECRYPT = List.of("kms:Decrypt", "kms:ReEncryptFrom");

    /**
     * Actions that let the caller give itself {@code kms:Decrypt} on the key (a grant, a new key
     * policy).
     */
    public static final List<String> DECRYPT_BY_ESCALATION =
            List.of("kms:CreateGrant", "kms:PutKeyPolicy");

    private Actions() {}

    /**
     * How {@code statement} covers {@code action}, if it does; the effect is not looked at here.
     */
    public static Optional<ActionGrant> covering(Statement statement, String action) {
        if (statement.notAction()) {
            for (PolicyString excluded : statement.actions()) {
                if (Glob.matches(excluded.glob(), action, true)) {
                    return Optional.empty();
                }
            }
            Node anchor =
                    statement.actions().isEmpty()
                            ? statement.node()
                            : statement.actions().get(0).node();
            return Optional.of(new ActionGrant(action, null, true, anchor));
        }
        for (PolicyString pattern : statement.actions()) {
            if (Glob.matches(pattern.glob(), action, true)) {
                return Optional.of(new ActionGrant(action, pattern, false, pattern.node()));
            }
        }
        return Optional.empty();
    }
}
