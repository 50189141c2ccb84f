package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.bytes;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.bytesLeft;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.describe;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.knownFigure;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.left;

import dev.cfnsecrets.envsize.UnknownValue;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeCheck.Verdict;
import java.util.List;

/**
 * CFS203: the known part of the environment is under the limit, but values only known at deploy
 * time (attributes, imports, Parameters without a Default, dynamic references) may not fit in
 * what is left.
 */
final class EnvSizeUnbounded implements Rule {
    @Override
    public String id() {
        return "CFS203";
    }

    @Override
    public void check(RuleContext context) {
        for (Assessment a : EnvironmentSizeCheck.assessments(context, Verdict.UNBOUNDED)) {
            List<UnknownValue> unknowns = a.size().unknownsOfPossible();
            long common = unknowns.stream().mapToLong(UnknownValue::commonBytes).sum();
            boolean one = unknowns.size() == 1;
            RuleContext.Builder finding = EnvironmentSizeCheck.report(context, id(), a.resource())
                    .message("The environment of " + a.resource().logicalId() + " is "
                            + knownFigure(a.size()) + " without the "
                            + (one ? "value" : unknowns.size() + " values") + " only known at deployment ("
                            + describe(unknowns) + "): " + left(bytesLeft(a.size()), false)
                            + " for " + (one ? "it" : "them") + ", where such "
                            + (one ? "a value commonly takes" : "values commonly take") + " up to "
                            + bytes(common) + " bytes. If " + (one ? "it is" : "they are")
                            + " larger, Lambda rejects the environment and the deployment fails: "
                            + ADVICE + ".");
            EnvironmentSizeCheck.relateUnknowns(finding, unknowns);
            finding.add();
        }
    }
}
