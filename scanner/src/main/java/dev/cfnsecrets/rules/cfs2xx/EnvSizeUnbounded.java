package dev.cfnsecrets.rules.cfs2xx;

import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.ADVICE;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.bytes;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.bytesLeft;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.describe;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.knownFigure;
import static dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.left;

import dev.cfnsecrets.envsize.UnknownValue;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Assessment;
import dev.cfnsecrets.rules.cfs2xx.EnvironmentSizeVerdicts.Verdict;
import java.util.List;

/**
 * CFS203: the known part of the environment is under the limit, but values only known at deploy
 * time (attributes, imports, Parameters without a Default, dynamic references) may not fit in what
 * is left.
 */
final class EnvSizeUnbounded extends EnvironmentSizeRule {
    EnvSizeUnbounded() {
        super(Verdict.UNBOUNDED);
    }

    @Override
    public String id() {
        return "CFS203";
    }

    @Override
    String size(RuleContext context, Assessment a) {
        List<UnknownValue> unknowns = a.size().unknownsOfPossible();
        long common = unknowns.stream().mapToLong(UnknownValue::commonBytes).sum();
        boolean one = unknowns.size() == 1;
        return knownFigure(a.size())
                + " without the "
                + (one ? "value" : unknowns.size() + " values")
                + " only known at deployment ("
                + describe(unknowns)
                + "), commonly up to "
                + bytes(common)
                + " bytes; "
                + left(bytesLeft(a.size()), false)
                + ". "
                + ADVICE;
    }

    /** Related locations at the values only known at deployment. */
    @Override
    void relate(RuleContext.Builder finding, Assessment a) {
        EnvironmentSizeVerdicts.relateUnknowns(finding, a.size().unknownsOfPossible());
    }
}
