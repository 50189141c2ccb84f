package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.figure;

import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Verdict;

/** CFS201: the environment's compact JSON is over Lambda's 4,096 bytes; deployment fails. */
final class EnvOverLimit extends EnvironmentSizeRule {
    EnvOverLimit() {
        super(Verdict.OVER);
    }

    @Override
    public String id() {
        return "CFS201";
    }

    @Override
    String size(RuleContext context, Assessment a) {
        return figure(a.size(), "compact JSON of the variables, as Lambda measures it")
                + ": Lambda rejects it and the deployment fails. "
                + ADVICE;
    }
}
