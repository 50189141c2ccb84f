package dev.cfnsecrets.rules.cfs0xx;

import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;

/**
 * CFS001 for values the evaluator could not finish: a Parameter or Mapping that refers to itself,
 * or a document whose evaluation spent its budget; and for a rule that spent its own budget on the
 * document (CFS305's pairs). It runs after every other rule of the document, as those are what
 * evaluate; each stop is reported once, however many values met it.
 */
public final class EvaluationStops implements Rule {
    @Override
    public String id() {
        return "CFS001";
    }

    @Override
    public void check(RuleContext context) {
        context.reportStops();
    }
}
