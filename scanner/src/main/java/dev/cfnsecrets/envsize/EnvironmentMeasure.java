package dev.cfnsecrets.envsize;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Measures a Lambda function's {@code Environment.Variables} as Lambda does
 * (docs/facts.md#how-the-size-is-measured), after the SAM Globals merge that {@link
 * Resource#properties()} already holds. {@code Fn::If} on {@code Environment}, on {@code Variables}
 * or on a value is followed into both branches and the larger one counts; {@code !Ref AWS::NoValue}
 * removes what it stands for.
 */
public final class EnvironmentMeasure {
    private static final Set<String> FUNCTION_TYPES =
            Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");

    /**
     * Branches of Fn::If on Environment/Variables that are measured; templates rarely nest more
     * than two.
     */
    private static final int MAX_ENVIRONMENTS = 16;

    private static final int MAX_DESCRIPTION = 80;

    private EnvironmentMeasure() {}

    /** Lambda functions, SAM or plain (CDK output included); ECS has no such limit. */
    public static boolean appliesTo(Resource resource) {
        return FUNCTION_TYPES.contains(resource.type());
    }

    /**
     * Every variables map the function may deploy with, measured: one per {@code Fn::If} branch of
     * {@code Environment} or {@code Variables}; empty when it has no literal variables map.
     */
    public static List<EnvironmentSize> measure(Resource resource, Evaluator evaluator) {
        List<EnvironmentSize> sizes = new ArrayList<>();
        resource.properties()
                .get("Environment")
                .ifPresent(
                        environment -> {
                            for (MapNode env : branches(environment)) {
                                env.get("Variables")
                                        .ifPresent(
                                                variables -> {
                                                    for (MapNode map : branches(variables)) {
                                                        if (sizes.size() < MAX_ENVIRONMENTS) {
                                                            sizes.add(measure(map, evaluator));
                                                        }
                                                    }
                                                });
                            }
                        });
        return sizes;
    }

    /**
     * The plain maps a node may stand for, through {@code Fn::If}; none for NoValue or other
     * functions.
     */
    private static List<MapNode> branches(Node node) {
        if (!(node instanceof MapNode map)) {
            return List.of();
        }
        if (map.intrinsic().isEmpty()) {
            return List.of(map);
        }
        MapNode.Entry call = map.intrinsic().get();
        if (call.name().equals("Fn::If")
                && call.value() instanceof ListNode args
                && args.items().size() == 3) {
            List<MapNode> both = new ArrayList<>(branches(args.items().get(1)));
            both.addAll(branches(args.items().get(2)));
            return both;
        }
        return List.of();
    }

    static EnvironmentSize measure(MapNode variables, Evaluator evaluator) {
        List<VariableSize> sizes = new ArrayList<>();
        for (MapNode.Entry entry : variables.entries()) {
            sizes.add(variable(entry, evaluator));
        }
        return new EnvironmentSize(sizes);
    }

    private static VariableSize variable(MapNode.Entry entry, Evaluator evaluator) {
        long keyBytes = JsonSize.escapedBytes(entry.name());
        List<VariableValue> options = new ArrayList<>();
        if (entry.value() instanceof ScalarNode scalar && scalar.isNull()) {
            options.add(new VariableValue(true, keyBytes + 5, List.of()));
        } else {
            Value value = evaluator.evaluate(entry.value());
            for (Value.Text text : value.alternatives()) {
                options.add(option(keyBytes, text));
            }
            if (options.isEmpty()) {
                // A list or other non-string: CloudFormation rejects it; count the key and flag the
                // value.
                options.add(
                        new VariableValue(
                                true,
                                keyBytes + 5,
                                List.of(
                                        new UnknownValue(
                                                "a list, not a string",
                                                entry.value().span(),
                                                UnknownSizes.COMMON_VALUE))));
            }
        }
        VariableValue largestKnown =
                options.stream()
                        .max(
                                Comparator.comparingLong(VariableValue::knownShare)
                                        .thenComparingLong(VariableValue::possibleShare))
                        .orElseThrow();
        VariableValue largestPossible =
                options.stream()
                        .max(
                                Comparator.comparingLong(VariableValue::possibleShare)
                                        .thenComparingLong(VariableValue::knownShare))
                        .orElseThrow();
        return new VariableSize(
                entry.name(),
                entry.key(),
                entry.key().path().startsWith("Globals/"),
                largestKnown,
                largestPossible);
    }

    private static VariableValue option(long keyBytes, Value.Text text) {
        if (text.parts().size() == 1
                && text.parts().get(0) instanceof Part.Unknown u
                && u.kind() == Part.Unknown.Kind.NO_VALUE) {
            return VariableValue.ABSENT;
        }
        long valueBytes = 0;
        List<UnknownValue> unknowns = new ArrayList<>();
        for (Part part : text.parts()) {
            if (part instanceof Part.Literal literal) {
                valueBytes += JsonSize.escapedBytes(literal.text());
            } else if (part instanceof Part.DynamicReference reference) {
                unknowns.add(
                        new UnknownValue(
                                shorten(reference.raw()),
                                reference.span(),
                                UnknownSizes.of(reference)));
            } else if (part instanceof Part.Unknown unknown
                    && unknown.kind() != Part.Unknown.Kind.NO_VALUE) {
                unknowns.add(
                        new UnknownValue(
                                describe(unknown), unknown.span(), UnknownSizes.of(unknown)));
            }
        }
        return new VariableValue(true, keyBytes + valueBytes + 5, unknowns);
    }

    private static String describe(Part.Unknown unknown) {
        return switch (unknown.kind()) {
            case ATTRIBUTE -> "Fn::GetAtt " + unknown.name();
            case IMPORT -> "Fn::ImportValue";
            case RESOURCE -> "Ref " + unknown.name();
            case PARAMETER -> "Parameter " + unknown.name() + " (no Default)";
            case SSM_PARAMETER -> "Parameter " + unknown.name() + " (from SSM)";
            case PSEUDO_PARAMETER -> unknown.name();
            default -> shorten(unknown.name());
        };
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DESCRIPTION
                ? text
                : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
