package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvVariable;

/**
 * CFS101: an environment value holds a credential of a known format, whatever the variable's name.
 */
final class CredentialInEnv extends EnvConcernRule {
    CredentialInEnv() {
        super(EnvConcern.Kind.CREDENTIAL);
    }

    @Override
    public String id() {
        return "CFS101";
    }

    @Override
    String message(EnvConcern c, boolean inCdkApp) {
        EnvVariable v = c.variable();
        return Advice.capitalized(Advice.variable(v))
                + " holds "
                + Advice.withArticle(c.detail())
                + " written in the template"
                + origin(c)
                + ". "
                + store(inCdkApp, c.radius(), v.kind());
    }
}
