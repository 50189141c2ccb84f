package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the statements of a policy document node ({@code {Version, Statement}}). Values go through
 * the given evaluator. {@code Fn::If} around a statement, a statement list or a value counts with
 * both branches (a branch that is {@code AWS::NoValue} drops out), since either may deploy.
 */
public final class StatementReader {
    private final Function<Node, Value> evaluator;

    public StatementReader(Function<Node, Value> evaluator) {
        this.evaluator = evaluator;
    }

    /** The statements of a policy document; none when the node is not one. */
    public List<Statement> read(Node document) {
        List<Statement> out = new ArrayList<>();
        for (Node doc : branches(document)) {
            if (doc instanceof MapNode map) {
                map.get("Statement")
                        .ifPresent(
                                statements -> {
                                    for (Node s : items(statements)) {
                                        statement(s).ifPresent(out::add);
                                    }
                                });
            }
        }
        return out;
    }

    /** One statement node (a map) as a {@link Statement}. */
    public Optional<Statement> statement(Node node) {
        if (!(node instanceof MapNode map) || map.intrinsic().isPresent()) {
            return Optional.empty();
        }
        Effect effect = effect(map);
        String sid =
                map.get("Sid")
                        .map(this::strings)
                        .filter(l -> !l.isEmpty())
                        .map(l -> l.get(0).shown())
                        .orElse(null);
        boolean notAction = !map.has("Action") && map.has("NotAction");
        boolean notResource = !map.has("Resource") && map.has("NotResource");
        boolean notPrincipal = !map.has("Principal") && map.has("NotPrincipal");
        List<PolicyString> actions =
                map.get(notAction ? "NotAction" : "Action").map(this::strings).orElse(List.of());
        List<PolicyString> resources =
                map.get(notResource ? "NotResource" : "Resource")
                        .map(this::strings)
                        .orElse(List.of());
        List<PrincipalEntry> principals =
                map.get(notPrincipal ? "NotPrincipal" : "Principal")
                        .map(this::principals)
                        .orElse(List.of());
        List<Condition> conditions =
                map.getMap("Condition").map(this::conditions).orElse(List.of());
        return Optional.of(
                new Statement(
                        effect,
                        sid,
                        actions,
                        notAction,
                        resources,
                        notResource,
                        principals,
                        notPrincipal,
                        conditions,
                        map));
    }

    private Effect effect(MapNode statement) {
        List<PolicyString> values = statement.get("Effect").map(this::strings).orElse(List.of());
        if (values.size() == 1 && values.get(0).isLiteral()) {
            String e = values.get(0).glob();
            if (e.equals("Allow")) {
                return Effect.ALLOW;
            }
            if (e.equals("Deny")) {
                return Effect.DENY;
            }
        }
        return Effect.UNKNOWN;
    }

    /**
     * Every string a value node may deploy as, each remembering its own node (list items keep
     * theirs).
     */
    public List<PolicyString> strings(Node node) {
        List<PolicyString> out = new ArrayList<>();
        for (Node branch : branches(node)) {
            if (branch instanceof ListNode list) {
                for (Node item : list.items()) {
                    out.addAll(strings(item));
                }
            } else {
                out.addAll(PolicyString.of(evaluator.apply(branch), branch));
            }
        }
        return out;
    }

    private List<PrincipalEntry> principals(Node node) {
        List<PrincipalEntry> out = new ArrayList<>();
        for (Node branch : branches(node)) {
            if (branch instanceof MapNode map && map.intrinsic().isEmpty()) {
                for (MapNode.Entry e : map.entries()) {
                    for (PolicyString value : strings(e.value())) {
                        out.add(new PrincipalEntry(e.name(), value));
                    }
                }
            } else {
                for (PolicyString value : strings(branch)) {
                    out.add(new PrincipalEntry(value.glob().equals("*") ? "*" : "AWS", value));
                }
            }
        }
        return out;
    }

    private List<Condition> conditions(MapNode block) {
        List<Condition> out = new ArrayList<>();
        for (MapNode.Entry operator : block.entries()) {
            if (operator.value() instanceof MapNode keys && keys.intrinsic().isEmpty()) {
                for (MapNode.Entry key : keys.entries()) {
                    out.add(
                            new Condition(
                                    operator.name(), key.name(), strings(key.value()), key.key()));
                }
            }
        }
        return out;
    }

    /** The items of a list (or a single value), each expanded by {@link #branches}. */
    static List<Node> items(Node node) {
        List<Node> out = new ArrayList<>();
        for (Node branch : branches(node)) {
            if (branch instanceof ListNode list) {
                for (Node item : list.items()) {
                    out.addAll(branches(item));
                }
            } else {
                out.add(branch);
            }
        }
        return out;
    }

    /**
     * The nodes a node may deploy as: both branches of {@code Fn::If} (recursively), nothing for
     * {@code Ref: AWS::NoValue}, else the node itself.
     */
    static List<Node> branches(Node node) {
        if (node instanceof MapNode map && map.intrinsic().isPresent()) {
            MapNode.Entry call = map.intrinsic().get();
            if (call.name().equals("Fn::If")
                    && call.value() instanceof ListNode args
                    && args.items().size() == 3) {
                List<Node> out = new ArrayList<>(branches(args.items().get(1)));
                out.addAll(branches(args.items().get(2)));
                return out;
            }
            if (call.name().equals("Ref")
                    && call.value() instanceof ScalarNode s
                    && s.value().equals("AWS::NoValue")) {
                return List.of();
            }
        }
        return List.of(node);
    }
}
