package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One string of a policy (an action, a resource ARN, a principal, a condition value) as a {@link
 * Glob}: literal text stays literal, pseudo parameters ({@code ${AWS::AccountId}}) become {@link
 * Glob#ANY_FIELD}, and every other deploy-time piece ({@code !GetAtt Fn.Arn}, a Parameter without
 * Default) becomes {@link Glob#OPAQUE}. {@code unknowns} keeps those pieces so that a resource can
 * be traced back to the function or key it names.
 */
public record PolicyString(String glob, List<Part.Unknown> unknowns, Node node) {
    private static final Set<String> ARN_FIELD_PSEUDO_PARAMETERS =
            Set.of("AWS::Partition", "AWS::Region", "AWS::AccountId", "AWS::URLSuffix");

    public PolicyString {
        unknowns = List.copyOf(unknowns);
    }

    /** A literal string (used for policies read from data files and for tests). */
    public static PolicyString literal(String text, Node node) {
        return new PolicyString(text, List.of(), node);
    }

    /**
     * Every string {@code value} may deploy as: each branch of an {@code Fn::If}, each item of a
     * list. A piece that is {@code AWS::NoValue} removes the string, as CloudFormation does.
     */
    public static List<PolicyString> of(Value value, Node node) {
        List<PolicyString> out = new ArrayList<>();
        collect(value, node, out);
        return out;
    }

    private static void collect(Value value, Node node, List<PolicyString> out) {
        if (value instanceof Value.ListValue list) {
            for (Value item : list.items()) {
                collect(item, item.origin(), out);
            }
            return;
        }
        for (Value.Text text : value.alternatives()) {
            fromText(text, node).ifPresent(out::add);
        }
    }

    private static Optional<PolicyString> fromText(Value.Text text, Node node) {
        StringBuilder glob = new StringBuilder();
        List<Part.Unknown> unknowns = new ArrayList<>();
        for (Part part : text.parts()) {
            if (part instanceof Part.Literal literal) {
                glob.append(literal.text());
            } else if (part instanceof Part.Unknown unknown) {
                if (unknown.kind() == Part.Unknown.Kind.NO_VALUE) {
                    return Optional.empty();
                }
                unknowns.add(unknown);
                boolean field =
                        unknown.kind() == Part.Unknown.Kind.PSEUDO_PARAMETER
                                && ARN_FIELD_PSEUDO_PARAMETERS.contains(unknown.name());
                glob.append(field ? Glob.ANY_FIELD : Glob.OPAQUE);
            } else if (part instanceof Part.DynamicReference reference) {
                unknowns.add(
                        new Part.Unknown(
                                Part.Unknown.Kind.OTHER, reference.raw(), reference.origin()));
                glob.append(Glob.OPAQUE);
            }
        }
        return Optional.of(new PolicyString(glob.toString(), unknowns, node));
    }

    public boolean isLiteral() {
        return unknowns.isEmpty()
                && glob.indexOf(Glob.OPAQUE) < 0
                && glob.indexOf(Glob.ANY_FIELD) < 0;
    }

    /** The string as a person reads it: deploy-time pieces shown as {@code ${Name}}. */
    public String shown() {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == Glob.ANY_FIELD || c == Glob.OPAQUE) {
                out.append("${")
                        .append(next < unknowns.size() ? unknowns.get(next).name() : "?")
                        .append('}');
                next++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether a deploy-time piece of this string is an attribute or {@code Ref} of the resource
     * {@code logicalId}.
     */
    public boolean refersTo(String logicalId) {
        for (Part.Unknown u : unknowns) {
            if (u.kind() == Part.Unknown.Kind.RESOURCE && u.name().equals(logicalId)) {
                return true;
            }
            if (u.kind() == Part.Unknown.Kind.ATTRIBUTE && u.name().startsWith(logicalId + ".")) {
                return true;
            }
        }
        return false;
    }
}
