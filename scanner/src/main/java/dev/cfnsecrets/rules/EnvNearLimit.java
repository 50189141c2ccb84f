package dev.cfnsecrets.rules;

/** CFS202: the environment is at or above the warning share (default 90 %) of 4,096 bytes. */
final class EnvNearLimit implements Rule {
    @Override
    public String id() {
        return "CFS202";
    }

    @Override
    public void check(RuleContext context) {
        context.template().ifPresent(template -> {
            int threshold = context.settings().envSizeWarningPercent();
            for (EnvironmentSizeCheck.Assessment a : EnvironmentSizeCheck.assess(template, context)) {
                if (a.verdict() == EnvironmentSizeCheck.Verdict.NEAR) {
                    RuleContext.Builder finding = EnvironmentSizeCheck.report(context, id(), a.resource())
                            .message("The environment of " + a.resource().logicalId() + " is "
                                    + EnvironmentSizeCheck.figure(a.size(),
                                            EnvironmentSizeCheck.percent(a.size().knownBytes(), EnvironmentSizeCheck.LIMIT)
                                            + ", warning at " + threshold + " %")
                                    + "; " + EnvironmentSizeCheck.left(EnvironmentSizeCheck.bytesLeft(a.size()),
                                            !a.size().unknownsOfKnown().isEmpty())
                                    + " before Lambda rejects it: " + EnvironmentSizeCheck.ADVICE + ".");
                    EnvironmentSizeCheck.relateLargest(finding, a.size());
                    finding.add();
                }
            }
        });
    }
}
