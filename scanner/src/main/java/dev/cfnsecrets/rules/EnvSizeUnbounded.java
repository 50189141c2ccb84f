package dev.cfnsecrets.rules;

import dev.cfnsecrets.envsize.UnknownValue;
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
        context.template().ifPresent(template -> {
            for (EnvironmentSizeCheck.Assessment a : EnvironmentSizeCheck.assess(template, context)) {
                if (a.verdict() == EnvironmentSizeCheck.Verdict.UNBOUNDED) {
                    List<UnknownValue> unknowns = a.size().unknownsOfPossible();
                    long common = unknowns.stream().mapToLong(UnknownValue::commonBytes).sum();
                    boolean one = unknowns.size() == 1;
                    RuleContext.Builder finding = EnvironmentSizeCheck.report(context, id(), a.resource())
                            .message("The environment of " + a.resource().logicalId() + " is "
                                    + EnvironmentSizeCheck.knownFigure(a.size()) + " without the "
                                    + (one ? "value" : unknowns.size() + " values") + " only known at deployment ("
                                    + EnvironmentSizeCheck.describe(unknowns) + "): "
                                    + EnvironmentSizeCheck.left(EnvironmentSizeCheck.bytesLeft(a.size()), false)
                                    + " for " + (one ? "it" : "them") + ", where such "
                                    + (one ? "a value commonly takes" : "values commonly take") + " up to "
                                    + EnvironmentSizeCheck.bytes(common) + " bytes. If "
                                    + (one ? "it is" : "they are") + " larger, Lambda rejects the environment and the "
                                    + "deployment fails: " + EnvironmentSizeCheck.ADVICE + ".");
                    EnvironmentSizeCheck.relateUnknowns(finding, unknowns);
                    finding.add();
                }
            }
        });
    }
}
