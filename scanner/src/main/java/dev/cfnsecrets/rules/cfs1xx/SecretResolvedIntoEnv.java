package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.CdkAdvice;
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
    String message(EnvConcern c, boolean inCdkApp) {
        EnvVariable v = c.variable();
        if (inCdkApp) {
            return Advice.capitalized(Advice.variable(v))
                    + " "
                    + CdkAdvice.unwrapped(c.detail(), Advice.storedIn(v.kind()))
                    + " "
                    + CdkAdvice.fetchAtRuntime(v.kind());
        }
        return Advice.capitalized(Advice.variable(v))
                + " resolves "
                + c.detail()
                + " at deploy time, so its plaintext lands in "
                + Advice.storedIn(v.kind())
                + " and is not refreshed when the secret rotates. "
                + Advice.fetchAtRuntime(v.kind());
    }
}
