package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvVariable;

/** CFS102: a variable whose name says secret holds a literal that looks like one. */
final class SecretNamedEnvLiteral extends EnvConcernRule {
    SecretNamedEnvLiteral() {
        super(EnvConcern.Kind.SECRET_LITERAL);
    }

    @Override
    public String id() {
        return "CFS102";
    }

    @Override
    String message(EnvConcern c, boolean inCdkApp) {
        EnvVariable v = c.variable();
        return Advice.capitalized(Advice.variable(v))
                + " is named like "
                + Advice.withArticle(c.detail())
                + " and holds a literal value written in the template"
                + origin(c)
                + ". "
                + store(inCdkApp, c.radius(), v.kind());
    }
}
