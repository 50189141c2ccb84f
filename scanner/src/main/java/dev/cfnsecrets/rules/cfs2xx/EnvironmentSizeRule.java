package dev.cfnsecrets.rules.cfs2xx;

import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Verdict;

/**
 * A rule reporting each function whose environment got its {@link Verdict}: at the function, "The
 * environment of Fn is …", with related locations at what makes up the size.
 */
abstract class EnvironmentSizeRule implements Rule {
    private final Verdict verdict;

    EnvironmentSizeRule(Verdict verdict) {
        this.verdict = verdict;
    }

    @Override
    public final void check(RuleContext context) {
        for (Assessment a : EnvironmentSizeVerdicts.assessments(context, verdict)) {
            RuleContext.Builder finding =
                    EnvironmentSizeVerdicts.report(context, id(), a.resource())
                            .message(
                                    "The environment of "
                                            + a.resource().logicalId()
                                            + " is "
                                            + size(context, a));
            relate(finding, a);
            finding.add();
        }
    }

    /** The rest of the message after "The environment of Fn is ". */
    abstract String size(RuleContext context, Assessment a);

    /** Related locations at the variables with the most bytes, unless a rule points elsewhere. */
    void relate(RuleContext.Builder finding, Assessment a) {
        EnvironmentSizeVerdicts.relateLargest(finding, a.size());
    }
}
