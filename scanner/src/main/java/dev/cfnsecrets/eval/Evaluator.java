package dev.cfnsecrets.eval;

import dev.cfnsecrets.eval.Part.Unknown.Kind;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a template node to a {@link Value} the way CloudFormation would at deploy time, as far
 * as the template alone allows: literals, Parameter defaults, Mappings, {@code Fn::Sub}, {@code
 * Fn::Join}, {@code Fn::If} (both branches), {@code Fn::FindInMap}, {@code Fn::Select}, {@code
 * Fn::Split} and {@code Fn::Base64} (the value before encoding). Attributes, imports, pseudo
 * parameters and Parameters without a Default stay {@link Part.Unknown}.
 *
 * <p>The work is bounded, as templates come from strangers: each node is evaluated once (its value
 * depends on the node alone: {@code Fn::Sub} variables are nodes of the {@code Fn::Sub} itself), a
 * node met again while it is being evaluated is a cycle, and a budget per document caps the
 * evaluation steps and the parts and characters produced, which memoising alone does not bound
 * (each Parameter of a chain may use the previous one twice). A cycle or a spent budget gives an
 * unknown value and one {@link Stop} for the Parameter or Mapping where it happened. The value cut
 * short by a cycle or the depth limit is memoised too, though it depends on where evaluation
 * entered the cycle: the stop is reported, and the value is unknown from every side.
 */
public final class Evaluator {
    private static final int MAX_DEPTH = 64;

    /** Budgets per document, far above what real templates need (each node is evaluated once). */
    static final long MAX_STEPS = 1_000_000;

    static final long MAX_PARTS = 1_000_000;
    static final long MAX_CHARACTERS = 50_000_000;

    private final Template template;
    private final TextLocator locator;
    private final Map<Node, Value> done = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    /** The Parameters and Mappings being evaluated, innermost first: where a stop is reported. */
    private final Deque<Entity> entities = new ArrayDeque<>();

    private final Map<String, Stop> stops = new LinkedHashMap<>();
    private int depth;
    private long steps;
    private long parts;
    private long characters;
    private String exhausted;

    public Evaluator(Template template) {
        this.template = template;
        this.locator = new TextLocator(template.source());
    }

    /**
     * Why the work on {@code entity} (say {@code Parameter P}) was cut short, where it is declared,
     * and what that means for the findings (a sentence). Rules with a budget of their own report
     * theirs the same way ({@code RuleContext#stopped}).
     */
    public record Stop(String entity, String reason, Node at, String consequence) {}

    private static final String UNKNOWN_VALUES =
            "Values that depend on it are treated as unknown; the rest of the file was scanned.";

    private record Entity(String name, String through, Node at) {}

    /** The cycles and the spent budget met so far, once each. */
    public List<Stop> stops() {
        return List.copyOf(stops.values());
    }

    /** Work done so far: evaluation steps (nodes evaluated, not memo hits). */
    public long steps() {
        return steps;
    }

    /** Work done so far: parts of evaluated strings produced. */
    public long parts() {
        return parts;
    }

    /** Work done so far: characters of literal text in the parts produced. */
    public long characters() {
        return characters;
    }

    public Value evaluate(Node node) {
        Value known = done.get(node);
        if (known != null) {
            return known;
        }
        if (exhausted != null && node instanceof MapNode) {
            // Literals still evaluate (once each, at no cost beyond their size): the rest of the
            // document is scanned.
            return unknown(Kind.OTHER, exhausted, node);
        }
        if (inProgress.containsKey(node)) {
            return cycle(node);
        }
        if (++steps > MAX_STEPS) {
            return exhaust("evaluation stopped after " + MAX_STEPS + " steps", node);
        }
        inProgress.put(node, Boolean.TRUE);
        try {
            Value value = evaluateOnce(node);
            done.put(node, value);
            return value;
        } finally {
            inProgress.remove(node);
        }
    }

    private Value cycle(Node node) {
        Entity entity =
                entities.isEmpty()
                        ? new Entity("value at line " + node.span().startLine(), "itself", node)
                        : entities.peek();
        String reason = entity.name() + " refers to itself through " + entity.through();
        stops.putIfAbsent(
                entity.name(), new Stop(entity.name(), reason, entity.at(), UNKNOWN_VALUES));
        return unknown(Kind.OTHER, reason, node);
    }

    /** Ends the document's evaluation of functions: every one asked for from now on is unknown. */
    private Value exhaust(String reason, Node node) {
        exhausted = reason;
        Entity outermost =
                entities.isEmpty()
                        ? new Entity("value at line " + node.span().startLine(), "", node)
                        : entities.peekLast();
        stops.putIfAbsent(
                "",
                new Stop(
                        outermost.name(),
                        reason + " (evaluating " + outermost.name() + ")",
                        outermost.at(),
                        UNKNOWN_VALUES));
        return unknown(Kind.OTHER, reason, node);
    }

    /** Counts what {@code value} adds; true while the budget lasts. */
    private boolean produced(List<Part> added) {
        parts += added.size();
        for (Part p : added) {
            if (p instanceof Part.Literal l) {
                characters += l.text().length();
            }
        }
        return parts <= MAX_PARTS && characters <= MAX_CHARACTERS;
    }

    private Value evaluateOnce(Node node) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return unknown(Kind.OTHER, "expression nested too deeply", node);
        }
        try {
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (node instanceof ListNode list) {
                return new Value.ListValue(
                        list.items().stream().map(this::evaluate).toList(), list);
            }
            MapNode map = (MapNode) node;
            return map.intrinsic()
                    .map(call -> function(call.name(), call.value(), map))
                    .orElseGet(() -> unknown(Kind.OTHER, "a map, not a string", map));
        } finally {
            depth--;
        }
    }

    private Value scalar(ScalarNode scalar) {
        return new Value.Text(
                DynamicReferences.split(scalar, 0, scalar.value().length(), locator), scalar);
    }

    private Value function(String name, Node argument, MapNode call) {
        return switch (name) {
            case "Ref" ->
                    argument instanceof ScalarNode s
                            ? ref(s.value(), "Ref", call)
                            : unknown(Kind.OTHER, "Ref", call);
            case "Fn::Sub" -> sub(argument, call);
            case "Fn::Join" -> join(argument, call);
            case "Fn::If" -> ifBranches(argument, call);
            case "Fn::FindInMap" -> findInMap(argument, call);
            case "Fn::Select" -> select(argument, call);
            case "Fn::Split" -> split(argument, call);
            case "Fn::Base64" -> evaluate(argument);
            case "Fn::GetAtt" -> unknown(Kind.ATTRIBUTE, attributeName(argument), call);
            case "Fn::ImportValue" -> unknown(Kind.IMPORT, "Fn::ImportValue", call);
            default -> unknown(Kind.OTHER, name, call);
        };
    }

    /** {@code Ref}: a Parameter's Default (remembering the Parameter), otherwise unknown. */
    private Value ref(String name, String through, Node at) {
        if (name.startsWith("AWS::")) {
            return unknown(
                    "AWS::NoValue".equals(name) ? Kind.NO_VALUE : Kind.PSEUDO_PARAMETER, name, at);
        }
        Parameter parameter = template.parameters().get(name);
        if (parameter == null) {
            return unknown(
                    template.resources().containsKey(name) ? Kind.RESOURCE : Kind.OTHER, name, at);
        }
        if (parameter.type().startsWith("AWS::SSM::Parameter::Value")) {
            return unknown(Kind.SSM_PARAMETER, name, at);
        }
        Optional<Node> defaultValue = parameter.defaultValue();
        if (defaultValue.isEmpty()) {
            return unknown(Kind.PARAMETER, name, at);
        }
        entities.push(new Entity("Parameter " + name, through, parameter.node()));
        Value value;
        try {
            value = evaluate(defaultValue.get());
        } finally {
            entities.pop();
        }
        if (isListType(parameter.type()) && value instanceof Value.Text text) {
            value = splitText(",", text, defaultValue.get());
        }
        return viaParameter(value, name, at);
    }

    private static boolean isListType(String type) {
        return type.equals("CommaDelimitedList") || type.startsWith("List<");
    }

    private Value viaParameter(Value value, String parameter, Node at) {
        if (value instanceof Value.Text t) {
            if (!produced(t.parts())) {
                return exhaust(budgetSpent(), at);
            }
            return new Value.Text(
                    t.parts().stream().map(p -> p.withParameter(parameter)).toList(), t.origin());
        }
        if (value instanceof Value.Choice c) {
            return new Value.Choice(
                    c.options().stream().map(o -> viaParameter(o, parameter, at)).toList(),
                    c.origin());
        }
        Value.ListValue l = (Value.ListValue) value;
        return new Value.ListValue(
                l.items().stream().map(i -> viaParameter(i, parameter, at)).toList(), l.origin());
    }

    private static String budgetSpent() {
        return "evaluation stopped after producing "
                + MAX_PARTS
                + " parts or "
                + MAX_CHARACTERS
                + " characters";
    }

    /**
     * {@code Fn::Sub}: the string form or {@code [string, {Var: value}]}; {@code ${!x}} is the
     * literal {@code ${x}}.
     */
    private Value sub(Node argument, MapNode call) {
        Node format = argument;
        Optional<MapNode> variables = Optional.empty();
        if (argument instanceof ListNode list && !list.items().isEmpty()) {
            format = list.items().get(0);
            if (list.items().size() > 1 && list.items().get(1) instanceof MapNode vars) {
                variables = Optional.of(vars);
            }
        }
        if (!(format instanceof ScalarNode text)) {
            return unknown(Kind.OTHER, "Fn::Sub without a string", call);
        }
        String s = text.value();
        List<Value> pieces = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("${", i);
            if (open < 0) {
                break;
            }
            int close = s.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            if (open + 2 < s.length() && s.charAt(open + 2) == '!') {
                // ${!Name} renders as the literal ${Name}: keep "${" and drop the "!".
                addLiteral(pieces, text, literalStart, open + 2);
                literalStart = open + 3;
                i = close + 1;
                continue;
            }
            addLiteral(pieces, text, literalStart, open);
            pieces.add(subVariable(s.substring(open + 2, close).trim(), variables, text));
            literalStart = close + 1;
            i = close + 1;
        }
        addLiteral(pieces, text, literalStart, s.length());
        return concat(pieces, call);
    }

    private void addLiteral(List<Value> pieces, ScalarNode text, int from, int to) {
        if (to > from) {
            pieces.add(new Value.Text(DynamicReferences.split(text, from, to, locator), text));
        }
    }

    private Value subVariable(String name, Optional<MapNode> variables, ScalarNode at) {
        Optional<Node> bound = variables.flatMap(v -> v.get(name));
        if (bound.isPresent()) {
            return evaluate(bound.get());
        }
        if (name.contains(".") && !name.startsWith("AWS::")) {
            return unknown(Kind.ATTRIBUTE, name, at);
        }
        return ref(name, "Fn::Sub", at);
    }

    /** {@code Fn::Join [delimiter, [items…]]}. */
    private Value join(Node argument, MapNode call) {
        if (!(argument instanceof ListNode args)
                || args.items().size() != 2
                || !(args.items().get(0) instanceof ScalarNode delimiter)) {
            return unknown(Kind.OTHER, "malformed Fn::Join", call);
        }
        Value list = evaluate(args.items().get(1));
        if (!(list instanceof Value.ListValue items)) {
            return unknown(Kind.OTHER, "Fn::Join over an unknown list", call);
        }
        List<Value> pieces = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
            if (i > 0 && !delimiter.value().isEmpty()) {
                pieces.add(scalar(delimiter));
            }
            pieces.add(items.items().get(i));
        }
        return concat(pieces, call);
    }

    /** {@code Fn::If [condition, whenTrue, whenFalse]}: both branches are kept. */
    private Value ifBranches(Node argument, MapNode call) {
        if (!(argument instanceof ListNode args) || args.items().size() != 3) {
            return unknown(Kind.OTHER, "malformed Fn::If", call);
        }
        return new Value.Choice(
                List.of(evaluate(args.items().get(1)), evaluate(args.items().get(2))), call);
    }

    /**
     * {@code Fn::FindInMap [map, topKey, secondKey]}: every candidate entry when a key is unknown.
     */
    private Value findInMap(Node argument, MapNode call) {
        if (!(argument instanceof ListNode args) || args.items().size() < 3) {
            return unknown(Kind.OTHER, "malformed Fn::FindInMap", call);
        }
        Optional<MapNode> mapping =
                literalKey(args.items().get(0))
                        .flatMap(name -> template.mappings().flatMap(m -> m.getMap(name)));
        if (mapping.isEmpty()) {
            return unknown(Kind.OTHER, "Fn::FindInMap on an unknown mapping", call);
        }
        List<Value> candidates = new ArrayList<>();
        entities.push(
                new Entity(
                        "Mapping " + literalKey(args.items().get(0)).orElseThrow(),
                        "Fn::FindInMap",
                        mapping.get()));
        try {
            for (Node level1 : candidates(mapping.get(), args.items().get(1))) {
                if (level1 instanceof MapNode second) {
                    for (Node leaf : candidates(second, args.items().get(2))) {
                        candidates.add(evaluate(leaf));
                    }
                }
            }
        } finally {
            entities.pop();
        }
        if (candidates.isEmpty()) {
            return args.items().size() > 3
                    ? defaultValue(args.items().get(3), call)
                    : unknown(Kind.OTHER, "Fn::FindInMap finds no entry", call);
        }
        return candidates.size() == 1 ? candidates.get(0) : new Value.Choice(candidates, call);
    }

    /** The {@code DefaultValue} of a language-extensions {@code Fn::FindInMap}. */
    private Value defaultValue(Node options, MapNode call) {
        return options instanceof MapNode m && m.has("DefaultValue")
                ? evaluate(m.get("DefaultValue").get())
                : unknown(Kind.OTHER, "Fn::FindInMap finds no entry", call);
    }

    private List<Node> candidates(MapNode level, Node keyNode) {
        Optional<String> key = literalKey(keyNode);
        if (key.isPresent()) {
            return level.get(key.get()).map(List::of).orElse(List.of());
        }
        return level.entries().stream().map(MapNode.Entry::value).toList();
    }

    private Optional<String> literalKey(Node node) {
        Value v = evaluate(node);
        return v instanceof Value.Text t && t.isLiteral()
                ? Optional.of(t.literal())
                : Optional.empty();
    }

    /** {@code Fn::Select [index, list]}: every item when the index is unknown. */
    private Value select(Node argument, MapNode call) {
        if (!(argument instanceof ListNode args) || args.items().size() != 2) {
            return unknown(Kind.OTHER, "malformed Fn::Select", call);
        }
        Value list = evaluate(args.items().get(1));
        if (!(list instanceof Value.ListValue items) || items.items().isEmpty()) {
            return unknown(Kind.OTHER, "Fn::Select from an unknown list", call);
        }
        Optional<String> literal = literalKey(args.items().get(0));
        if (literal.isEmpty()) {
            return new Value.Choice(items.items(), call);
        }
        // CloudFormation rejects a negative, non-numeric or too large index: the value is unknown.
        int index = parseIndex(literal.get()).orElse(-1);
        return index >= 0 && index < items.items().size()
                ? items.items().get(index)
                : unknown(Kind.OTHER, "Fn::Select index out of range", call);
    }

    private static Optional<Integer> parseIndex(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code Fn::Split [delimiter, string]}: a list when the string is known. */
    private Value split(Node argument, MapNode call) {
        if (!(argument instanceof ListNode args)
                || args.items().size() != 2
                || !(args.items().get(0) instanceof ScalarNode delimiter)
                || delimiter.value().isEmpty()) {
            return unknown(Kind.OTHER, "malformed Fn::Split", call);
        }
        Value source = evaluate(args.items().get(1));
        if (source instanceof Value.Text text && text.isLiteral()) {
            return splitText(delimiter.value(), text, call);
        }
        return unknown(Kind.OTHER, "Fn::Split of an unknown string", call);
    }

    /** Splits literal text; pieces of a single scalar keep their exact spans. */
    private Value splitText(String delimiter, Value.Text text, Node at) {
        if (text.parts().isEmpty()) {
            // An empty join has no piece to take a span from; splitting "" gives one empty item.
            return new Value.ListValue(List.of(text), at);
        }
        String s = text.literal();
        boolean exact =
                text.parts().size() == 1
                        && text.parts().get(0).origin() instanceof ScalarNode origin
                        && origin.value().equals(s);
        List<Value> items = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = s.indexOf(delimiter, from);
            int to = next < 0 ? s.length() : next;
            if (exact) {
                ScalarNode origin = (ScalarNode) text.parts().get(0).origin();
                items.add(
                        new Value.Text(DynamicReferences.split(origin, from, to, locator), origin));
            } else {
                Part.Literal whole = (Part.Literal) text.parts().get(0);
                items.add(
                        new Value.Text(
                                List.of(
                                        new Part.Literal(
                                                s.substring(from, to),
                                                whole.origin(),
                                                whole.span(),
                                                whole.viaParameter())),
                                at));
            }
            if (next < 0) {
                break;
            }
            if (!produced(((Value.Text) items.get(items.size() - 1)).parts())) {
                return exhaust(budgetSpent(), at);
            }
            from = next + delimiter.length();
        }
        return new Value.ListValue(items, at);
    }

    /**
     * Concatenates values; alternatives multiply (up to {@link Value#MAX_ALTERNATIVES}, the first
     * ones in order). Each alternative is built as a chain of the pieces it takes, sharing their
     * common beginning, so that a string of {@code n} pieces costs {@code n} steps rather than
     * {@code n²} copies of what came before; the budget counts the parts of each finished string.
     */
    private Value concat(List<Value> pieces, Node at) {
        List<Chain> combinations = new ArrayList<>();
        combinations.add(null);
        for (Value piece : pieces) {
            List<Value.Text> options =
                    piece instanceof Value.ListValue
                            ? List.of(
                                    new Value.Text(
                                            List.of(
                                                    new Part.Unknown(
                                                            Kind.OTHER,
                                                            "a list inside a string",
                                                            at)),
                                            at))
                            : piece.alternatives();
            List<Chain> next = new ArrayList<>();
            for (Chain prefix : combinations) {
                for (Value.Text option : options) {
                    if (next.size() < Value.MAX_ALTERNATIVES) {
                        next.add(new Chain(prefix, option.parts()));
                    }
                }
            }
            combinations = next;
        }
        List<Value> strings = new ArrayList<>();
        for (Chain chain : combinations) {
            List<Part> parts = Chain.parts(chain);
            if (!produced(parts)) {
                return exhaust(budgetSpent(), at);
            }
            strings.add(new Value.Text(parts, at));
        }
        return strings.size() == 1 ? strings.get(0) : new Value.Choice(strings, at);
    }

    /** One alternative of a concatenation so far: the parts of its last piece after the rest. */
    private record Chain(Chain before, List<Part> last) {
        /** The parts of {@code chain} in order (none for {@code null}, the empty beginning). */
        static List<Part> parts(Chain chain) {
            Deque<List<Part>> pieces = new ArrayDeque<>();
            for (Chain c = chain; c != null; c = c.before) {
                pieces.push(c.last);
            }
            List<Part> parts = new ArrayList<>();
            pieces.forEach(parts::addAll);
            return parts;
        }
    }

    private static String attributeName(Node argument) {
        if (argument instanceof ListNode list) {
            return String.join(
                    ".",
                    list.items().stream()
                            .map(n -> n instanceof ScalarNode s ? s.value() : "?")
                            .toList());
        }
        return argument instanceof ScalarNode s ? s.value() : "?";
    }

    private static Value unknown(Kind kind, String name, Node at) {
        return new Value.Text(List.of(new Part.Unknown(kind, name, at)), at);
    }
}
