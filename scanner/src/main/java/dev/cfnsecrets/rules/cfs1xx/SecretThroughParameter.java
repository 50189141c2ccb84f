package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvVariable;

/** CFS103: a secret-named variable is fed from a template Parameter (NoEcho or not). */
final class SecretThroughParameter extends EnvConcernRule {
    SecretThroughParameter() {
        super(EnvConcern.Kind.SECRET_PARAMETER);
    }

    @Override
    public String id() {
        return "CFS103";
    }

    @Override
    String message(EnvConcern c, boolean inCdkApp) {
        EnvVariable v = c.variable();
        String parameters =
                c.detail().contains(",") ? "Parameters " + c.detail() : "Parameter " + c.detail();
        return Advice.capitalized(Advice.variable(v))
                + " gets a secret from "
                + parameters
                + ", which puts the value in "
                + Advice.storedIn(v.kind())
                + " (NoEcho does not hide it there). "
                + fetchAtRuntime(inCdkApp, v.kind());
    }
}
