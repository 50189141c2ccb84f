package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.util.List;
import java.util.function.Function;

/**
 * An evaluator for policy text outside a template (a standalone policy file, a bundled data file):
 * no Parameters or Mappings to resolve, so strings stay literal and pseudo parameters unknown.
 */
public final class StandaloneEvaluator {
    private StandaloneEvaluator() {}

    public static Function<Node, Value> of(SourceFile source) {
        Evaluator evaluator =
                new Evaluator(Template.of(source, new MapNode(List.of(), Span.point(1, 1), "")));
        return evaluator::evaluate;
    }
}
