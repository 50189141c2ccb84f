package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.rules.Fingerprint;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.secrets.BlastRadius;
import java.util.List;

/**
 * One secret-related fact about one environment variable, found by {@link EnvSecrets}; the rule
 * that owns its {@link Kind} reports it.
 *
 * @param detail what was found, in words: the credential kind, the Parameter names, the reference
 * @param secrets the secret values that a message or source line may show (for redaction)
 */
public record EnvConcern(
        Kind kind,
        EnvVariable variable,
        Where where,
        String detail,
        BlastRadius radius,
        List<String> secrets) {

    public enum Kind {
        /** CFS101: a credential of a known format. */
        CREDENTIAL,
        /** CFS102: a secret-named variable holding a literal that looks like a secret. */
        SECRET_LITERAL,
        /** CFS103: a secret-named variable fed from a template Parameter. */
        SECRET_PARAMETER,
        /** CFS105: a secret-named value resolved from a plaintext String SSM parameter. */
        PLAINTEXT_SSM,
        /**
         * CFS106: a secret resolved into the environment at deploy time (Secrets Manager, a secret
         * attribute).
         */
        RESOLVED_SECRET
    }

    public EnvConcern {
        secrets = List.copyOf(secrets);
    }

    /**
     * Stable text for the fingerprint: never the secret itself (a weak password's hash is
     * guessable).
     */
    public String fingerprint() {
        return kind + "\n" + variable.name() + "\n" + detail + "\n" + Fingerprint.shapeOf(secrets);
    }
}
