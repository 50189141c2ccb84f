package dev.cfnsecrets.rules;

/** CFS201: the environment's compact JSON is over Lambda's 4,096 bytes; deployment fails. */
final class EnvOverLimit implements Rule {
    @Override
    public String id() {
        return "CFS201";
    }

    @Override
    public void check(RuleContext context) {
        context.template().ifPresent(template -> {
            for (EnvironmentSizeCheck.Assessment a : EnvironmentSizeCheck.assess(template, context)) {
                if (a.verdict() == EnvironmentSizeCheck.Verdict.OVER) {
                    RuleContext.Builder finding = EnvironmentSizeCheck.report(context, id(), a.resource())
                            .message("The environment of " + a.resource().logicalId() + " is "
                                    + EnvironmentSizeCheck.figure(a.size(), "compact JSON of the variables, as Lambda measures it")
                                    + ". Lambda rejects it and the deployment fails: " + EnvironmentSizeCheck.ADVICE + ".");
                    EnvironmentSizeCheck.relateLargest(finding, a.size());
                    finding.add();
                }
            }
        });
    }
}
