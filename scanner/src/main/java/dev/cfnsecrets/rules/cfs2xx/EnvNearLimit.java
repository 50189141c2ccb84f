package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.LIMIT;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.bytesLeft;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.figure;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.left;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.percent;

import dev.cfnsecrets.envsize.EnvironmentSize;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.Verdict;

/** CFS202: the environment is at or above the warning share (default 90 %) of 4,096 bytes. */
final class EnvNearLimit implements Rule {
    @Override
    public String id() {
        return "CFS202";
    }

    @Override
    public void check(RuleContext context) {
        int threshold = context.settings().envSizeWarningPercent();
        for (Assessment a : EnvironmentSizeCheck.assessments(context, Verdict.NEAR)) {
            EnvironmentSize size = a.size();
            boolean lowerBound = !size.unknownsOfKnown().isEmpty();
            String share = percent(size.knownBytes(), LIMIT) + ", warning at " + threshold + " %";
            RuleContext.Builder finding = EnvironmentSizeCheck.report(context, id(), a.resource())
                    .message("The environment of " + a.resource().logicalId() + " is "
                            + figure(size, share)
                            + "; " + left(bytesLeft(size), lowerBound) + " before Lambda rejects it: "
                            + ADVICE + ".");
            EnvironmentSizeCheck.relateLargest(finding, size);
            finding.add();
        }
    }
}
