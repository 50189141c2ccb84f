package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;

/**
 * One environment variable as every environment rule reads it: an entry of a Lambda or SAM
 * function's {@code Environment.Variables} (after the Globals merge, so a Globals entry keeps its
 * Globals node), or a {@code {Name, Value}} item of an ECS container definition's {@code
 * Environment}.
 *
 * @param nameNode the key (Lambda) or the {@code Name} value (ECS): where the name is written
 * @param value the value node, whose path is the variable's property path
 * @param entry the map that holds the variable: {@code Variables} (Lambda) or the list item (ECS)
 */
public record EnvVariable(
        Resource resource, String name, ScalarNode nameNode, Node value, MapNode entry, Kind kind) {

    public enum Kind {
        /** {@code AWS::Lambda::Function} or {@code AWS::Serverless::Function}. */
        LAMBDA,
        /** A container of {@code AWS::ECS::TaskDefinition}. */
        ECS
    }

    /** Whether the variable is written in SAM {@code Globals} and inherited by every function. */
    public boolean fromGlobals() {
        return value.path().startsWith("Globals/");
    }
}
