package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.bytes;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.bytesLeft;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.describe;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.knownFigure;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.left;

import dev.cfnsecrets.envsize.UnknownValue;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Verdict;
import java.util.List;

/**
 * CFS203: the known part of the environment is under the limit, but values only known at deploy
 * time (attributes, imports, Parameters without a Default, dynamic references) may not fit in what
 * is left.
 */
final class EnvSizeUnbounded implements Rule {
    @Override
    public String id() {
        return "CFS203";
    }

    @Override
    public void check(RuleContext context) {
        for (Assessment a : EnvironmentSizeVerdicts.assessments(context, Verdict.UNBOUNDED)) {
            List<UnknownValue> unknowns = a.size().unknownsOfPossible();
            long common = unknowns.stream().mapToLong(UnknownValue::commonBytes).sum();
            boolean one = unknowns.size() == 1;
            RuleContext.Builder finding =
                    EnvironmentSizeVerdicts.report(context, id(), a.resource())
                            .message(
                                    "The environment of "
                                            + a.resource().logicalId()
                                            + " is "
                                            + knownFigure(a.size())
                                            + " without the "
                                            + (one ? "value" : unknowns.size() + " values")
                                            + " only known at deployment ("
                                            + describe(unknowns)
                                            + "): "
                                            + left(bytesLeft(a.size()), false)
                                            + " for "
                                            + (one ? "it" : "them")
                                            + ", where such "
                                            + (one
                                                    ? "a value commonly takes"
                                                    : "values commonly take")
                                            + " up to "
                                            + bytes(common)
                                            + " bytes. If "
                                            + (one ? "it is" : "they are")
                                            + " larger, Lambda rejects the environment and the deployment fails: "
                                            + ADVICE
                                            + ".");
            EnvironmentSizeVerdicts.relateUnknowns(finding, unknowns);
            finding.add();
        }
    }
}
