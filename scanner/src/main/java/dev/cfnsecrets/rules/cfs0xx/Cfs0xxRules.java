package dev.cfnsecrets.rules.cfs0xx;

import dev.cfnsecrets.rules.Rule;
import java.util.List;

/** The rules of this family, in catalog order. */
public final class Cfs0xxRules {
    private Cfs0xxRules() {}

    /**
     * {@link EvaluationStops} comes last: it reports what evaluating this document could not
     * finish.
     */
    public static List<Rule> rules() {
        return List.of(new TemplateUnreadable(), new EvaluationStops());
    }
}
