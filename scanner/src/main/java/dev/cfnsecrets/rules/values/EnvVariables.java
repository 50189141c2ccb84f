package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The environment variables of a resource (see {@link EnvVariable}); other resources have none. */
public final class EnvVariables {
    public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    public static final String ECS_TASK_DEFINITION = "AWS::ECS::TaskDefinition";

    private EnvVariables() {}

    public static boolean isFunction(Resource resource) {
        return resource.type().equals(LAMBDA_FUNCTION)
                || resource.type().equals(SERVERLESS_FUNCTION);
    }

    public static List<EnvVariable> of(Resource resource) {
        if (isFunction(resource)) {
            return lambda(resource);
        }
        if (resource.type().equals(ECS_TASK_DEFINITION)) {
            return ecs(resource);
        }
        return List.of();
    }

    /** The {@code Environment.Variables} map of a function, if it is written as a map. */
    static Optional<MapNode> lambdaVariables(Resource resource) {
        return resource.properties()
                .getMap("Environment")
                .flatMap(env -> env.getMap("Variables"))
                .filter(v -> v.intrinsic().isEmpty());
    }

    private static List<EnvVariable> lambda(Resource resource) {
        List<EnvVariable> variables = new ArrayList<>();
        lambdaVariables(resource)
                .ifPresent(
                        map -> {
                            for (MapNode.Entry e : map.entries()) {
                                variables.add(
                                        new EnvVariable(
                                                resource,
                                                e.name(),
                                                e.key(),
                                                e.value(),
                                                map,
                                                EnvVariable.Kind.LAMBDA));
                            }
                        });
        return variables;
    }

    private static List<EnvVariable> ecs(Resource resource) {
        List<EnvVariable> variables = new ArrayList<>();
        Optional<Node> containers = resource.properties().get("ContainerDefinitions");
        if (containers.orElse(null) instanceof ListNode list) {
            for (Node container : list.items()) {
                if (container instanceof MapNode c
                        && c.get("Environment").orElse(null) instanceof ListNode env) {
                    for (Node item : env.items()) {
                        if (item instanceof MapNode pair
                                && pair.get("Name").orElse(null) instanceof ScalarNode name
                                && pair.get("Value").isPresent()) {
                            variables.add(
                                    new EnvVariable(
                                            resource,
                                            name.value(),
                                            name,
                                            pair.get("Value").get(),
                                            pair,
                                            EnvVariable.Kind.ECS));
                        }
                    }
                }
            }
        }
        return variables;
    }
}
