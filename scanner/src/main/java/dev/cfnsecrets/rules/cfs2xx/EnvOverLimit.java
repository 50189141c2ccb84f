package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.figure;

import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Verdict;

/** CFS201: the environment's compact JSON is over Lambda's 4,096 bytes; deployment fails. */
final class EnvOverLimit implements Rule {
    @Override
    public String id() {
        return "CFS201";
    }

    @Override
    public void check(RuleContext context) {
        for (Assessment a : EnvironmentSizeVerdicts.assessments(context, Verdict.OVER)) {
            RuleContext.Builder finding =
                    EnvironmentSizeVerdicts.report(context, id(), a.resource())
                            .message(
                                    "The environment of "
                                            + a.resource().logicalId()
                                            + " is "
                                            + figure(
                                                    a.size(),
                                                    "compact JSON of the variables, as Lambda measures it")
                                            + ". Lambda rejects it and the deployment fails: "
                                            + ADVICE
                                            + ".");
            EnvironmentSizeVerdicts.relateLargest(finding, a.size());
            finding.add();
        }
    }
}
