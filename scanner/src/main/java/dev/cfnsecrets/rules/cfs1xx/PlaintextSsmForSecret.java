package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvVariable;
import dev.cfnsecrets.secrets.BlastRadius;

/**
 * CFS105: a secret-named value is resolved from a plaintext String parameter of Parameter Store.
 */
final class PlaintextSsmForSecret extends EnvConcernRule {
    PlaintextSsmForSecret() {
        super(EnvConcern.Kind.PLAINTEXT_SSM);
    }

    @Override
    public String id() {
        return "CFS105";
    }

    @Override
    String message(EnvConcern c, boolean inCdkApp) {
        EnvVariable v = c.variable();
        return Advice.capitalized(Advice.variable(v))
                + " looks like a secret but is resolved from "
                + c.detail()
                + ", a plaintext String parameter, into "
                + Advice.storedIn(v.kind())
                + ". "
                + store(inCdkApp, BlastRadius.HIGH, v.kind());
    }
}
