package dev.cfnsecrets.rules;

import dev.cfnsecrets.rules.values.EnvVariable;
import dev.cfnsecrets.secrets.BlastRadius;

/**
 * Words that several messages share: where an environment's values end up, and what to do instead.
 * A message says what was found and what to do in a sentence each; who can read the value, the ways
 * to fetch it and why are the rule's help (rules/CFS1xx.md), not repeated on every finding.
 */
public final class Advice {
    private Advice() {}

    /** Where a value written into this kind of environment is stored once deployed. */
    public static String storedIn(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "the function configuration"
                : "the task definition";
    }

    /** What to do instead of putting a secret's value into the environment, as one sentence. */
    public static String fetchAtRuntime(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "Put the secret's name or ARN in the variable and fetch the value at runtime."
                : "Reference the secret from the container's Secrets list instead.";
    }

    /**
     * What to do with a credential written in the template, by its blast radius, as one sentence: a
     * low-radius key may stay in the environment if it leaves the template.
     */
    public static String store(BlastRadius radius, EnvVariable.Kind kind) {
        return switch (radius) {
            case LOW ->
                    "Pass it as a NoEcho Parameter or resolve it from Secrets Manager at deploy time.";
            case HIGH -> "Keep it in a SecureString or in Secrets Manager and " + deliver(kind);
            case CRITICAL -> "Rotate it, keep it in Secrets Manager and " + deliver(kind);
        };
    }

    private static String deliver(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "fetch it at runtime by name or ARN."
                : "reference it from the container's Secrets list.";
    }

    /**
     * "Globals variable API_KEY" or "variable API_KEY": Globals values are shared by every
     * function.
     */
    public static String variable(EnvVariable v) {
        return (v.fromGlobals() ? "SAM Globals variable " : "variable ") + v.name();
    }

    public static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "a GitHub token", "an AWS access key id", "an RSA private key". */
    public static String withArticle(String noun) {
        boolean vowelSound =
                noun.matches("(?i)([aeiou].*|(rsa|npm|hmac|ec|ssh|sms|mq|http|ssm)\\b.*)");
        return (vowelSound ? "an " : "a ") + noun;
    }
}
