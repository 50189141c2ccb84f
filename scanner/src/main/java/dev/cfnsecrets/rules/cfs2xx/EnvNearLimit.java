package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.LIMIT;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.bytesLeft;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.figure;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.left;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.percent;

import dev.cfnsecrets.envsize.EnvironmentSize;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Verdict;

/** CFS202: the environment is at or above the warning share (default 90 %) of 4,096 bytes. */
final class EnvNearLimit extends EnvironmentSizeRule {
    EnvNearLimit() {
        super(Verdict.NEAR);
    }

    @Override
    public String id() {
        return "CFS202";
    }

    @Override
    String size(RuleContext context, Assessment a) {
        int threshold = context.settings().envSizeWarningPercent();
        EnvironmentSize size = a.size();
        boolean lowerBound = !size.unknownsOfKnown().isEmpty();
        String share = percent(size.knownBytes(), LIMIT) + ", warning at " + threshold + " %";
        return figure(size, share)
                + "; "
                + left(bytesLeft(size), lowerBound)
                + " before Lambda rejects it. "
                + ADVICE;
    }
}
