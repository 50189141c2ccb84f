package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvVariable;

/**
 * CFS106: a secret is resolved into the environment at deploy time, so its plaintext is in the
 * configuration.
 */
final class SecretResolvedIntoEnv extends EnvConcernRule {
    SecretResolvedIntoEnv() {
        super(EnvConcern.Kind.RESOLVED_SECRET);
    }

    @Override
    public String id() {
        return "CFS106";
    }

    @Override
    String message(EnvConcern c) {
        EnvVariable v = c.variable();
        return Advice.capitalized(Advice.variable(v))
                + " resolves "
                + c.detail()
                + " at deploy time: the secret stays out of the template, but its plaintext lands in the configuration — "
                + Advice.readers(v.kind())
                + " — and is not refreshed when the secret rotates. That is acceptable for a "
                + "secret with a low blast radius (a write-only telemetry key); this one's looks "
                + c.radius().label()
                + ". "
                + Advice.fetchAtRuntime(v.kind());
    }
}
