package dev.cfnsecrets.rules;

import dev.cfnsecrets.rules.values.EnvVariable;
import dev.cfnsecrets.secrets.BlastRadius;

/**
 * The "what to do" sentences of {@link Advice}, said in the AWS CDK's terms for a template the CDK
 * synthesised ({@link RuleContext#inCdkApp()}): its user fixes the app's source, not the template,
 * so the advice names the constructs and methods to use there. The longer explanation is the "In
 * the CDK" section of each rule's help.
 */
public final class CdkAdvice {
    private CdkAdvice() {}

    /**
     * What to do with a credential written in the app, by its blast radius, as one sentence: a
     * low-radius key may stay in the environment if it leaves the source.
     */
    public static String store(BlastRadius radius, EnvVariable.Kind kind) {
        return switch (radius) {
            case LOW ->
                    "Keep it out of the app's source: take it from a CfnParameter with noEcho, or"
                            + " from Secrets Manager with SecretValue.secretsManager(name).";
            case HIGH -> "Move it into a secretsmanager.Secret, " + deliver(kind);
            case CRITICAL -> "Rotate it, move it into a secretsmanager.Secret, " + deliver(kind);
        };
    }

    /** What to do instead of unwrapping a secret into the environment, as one sentence. */
    public static String fetchAtRuntime(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "Give the function secret.secretName instead, call secret.grantRead(fn) and read"
                        + " the value at runtime (SDK or the Parameters and Secrets extension)."
                : "Pass it with ecs.Secret.fromSecretsManager(secret) in the container's secrets.";
    }

    private static String deliver(EnvVariable.Kind kind) {
        return kind == EnvVariable.Kind.LAMBDA
                ? "pass secret.secretName in environment, call secret.grantRead(fn) and read it at"
                        + " runtime (SDK or the Parameters and Secrets extension)."
                : "then pass it with ecs.Secret.fromSecretsManager(secret) in the container's"
                        + " secrets.";
    }

    /**
     * Why a secret resolved into the environment is plaintext there, said of the CDK call that
     * writes the reference; {@code reference} is the dynamic reference or attribute in the
     * template, {@code storedIn} where the plaintext lands.
     */
    public static String unwrapped(String reference, String storedIn) {
        return "is "
                + reference
                + " in the template: unsafeUnwrap() turned a SecretValue into a reference that"
                + " CloudFormation resolves at deploy time, writing the plaintext into "
                + storedIn
                + ".";
    }

    /**
     * What to write instead of a literal in a secret property of {@code type}: a value the CDK
     * generates into a Secret (RDS's master password by its credentials).
     */
    public static String generatedSecret(String type, String property) {
        if (property.equals("MasterUserPassword") && type.startsWith("AWS::RDS::")) {
            return "Let the CDK generate the password into a Secret with"
                    + " rds.Credentials.fromGeneratedSecret(username) instead of"
                    + " SecretValue.unsafePlainText.";
        }
        return "Generate it in a secretsmanager.Secret (generateSecretString) and pass"
                + " secret.secretValue, not SecretValue.unsafePlainText.";
    }

    /**
     * What to do instead of a statement on {@code Resource "*"} added with {@code addToPolicy}, as
     * the start of a sentence: {@code resources} names them ("keys"), {@code arn} one's ARN ({@code
     * key.keyArn}), {@code grant} the grant method that covers the actions ({@code
     * key.grantDecrypt(role)}).
     */
    public static String grantInstead(String resources, String arn, String grant) {
        return "Use %s for the %s it needs, which scopes to each ARN, or list them (%s) in the addToPolicy statement's resources instead of '*'"
                .formatted(grant, resources, arn);
    }

    /**
     * As {@link #grantInstead} where no grant method covers the actions (a function's grant*
     * methods invoke it; none reads its configuration).
     */
    public static String resourcesInstead(String resources, String arn) {
        return "List the %s it needs (%s) in the addToPolicy statement's resources instead of '*'"
                .formatted(resources, arn);
    }
}
