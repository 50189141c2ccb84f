package dev.cfnsecrets.rules;

import dev.cfnsecrets.rules.values.EnvVariable;
import dev.cfnsecrets.secrets.BlastRadius;

/** Sentences that several messages share: who can read a value, and what to do instead. */
public final class Advice {
    private Advice() {}

    /** Who can read a value written into this kind of environment. */
    public static String readers(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "it is stored in the function configuration, readable by every principal allowed "
                        + "lambda:GetFunctionConfiguration, GetFunction or ListFunctions, and shown in the console"
                : "it is stored in the task definition, readable by every principal allowed ecs:DescribeTaskDefinition";
    }

    /** What to do instead of putting a secret's value into the environment. */
    public static String fetchAtRuntime(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "Put the secret's name or ARN in the variable and fetch the value at runtime (AWS SDK, the "
                        + "Parameters and Secrets Lambda extension, or Powertools parameters); "
                        + "{{resolve:ssm-secure:…}} is rejected in Lambda environments."
                : "Reference it from the container's Secrets list (Name and ValueFrom with the secret's or "
                        + "SecureString parameter's ARN): ECS injects the value when the task starts.";
    }

    public static String radius(BlastRadius radius) {
        return "Blast radius " + radius.label() + ": " + radius.storeAdvice();
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
