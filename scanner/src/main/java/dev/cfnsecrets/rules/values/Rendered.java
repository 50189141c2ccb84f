package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One alternative of an evaluated string as the detectors see it: literal pieces as text, every
 * piece that is not literal (a dynamic reference, a Parameter without Default, an attribute) as
 * {@link #GAP}, a character no credential pattern crosses. Offsets in the text map back to the
 * piece they came from, so a match points at the right Sub piece, Mapping entry or Default.
 */
public final class Rendered {
    static final char GAP = '\u0000';

    /**
     * A dynamic reference that an intrinsic assembles ({@code !Sub
     * '{{resolve:secretsmanager:${S}}}'}).
     */
    private static final Pattern ASSEMBLED_REFERENCE =
            Pattern.compile("\\{\\{resolve:(ssm-secure|ssm|secretsmanager):([^{}\\s]*)}}");

    private final Value.Text value;
    private final String text;
    private final int[] starts;
    private final List<int[]> assembled = new ArrayList<>();
    private Pieces pieces;
    private List<SubVariable> subVariables;

    private Rendered(Value.Text value) {
        this.value = value;
        StringBuilder b = new StringBuilder();
        starts = new int[value.parts().size()];
        for (int i = 0; i < value.parts().size(); i++) {
            starts[i] = b.length();
            Part p = value.parts().get(i);
            if (p instanceof Part.Literal l) {
                b.append(l.text());
            } else {
                b.append(GAP);
            }
        }
        text = b.toString();
        if (mayAssembleReference(text)) {
            Matcher m = ASSEMBLED_REFERENCE.matcher(text);
            while (m.find()) {
                assembled.add(new int[] {m.start(), m.end()});
            }
        }
    }

    /**
     * Whether {@code text} holds what every {@link #ASSEMBLED_REFERENCE} starts with: most values
     * hold no reference, and are then never searched with the pattern.
     */
    private static boolean mayAssembleReference(String text) {
        return text.contains("{{resolve:");
    }

    public static Rendered of(Value.Text value) {
        return new Rendered(value);
    }

    public String text() {
        return text;
    }

    public Value.Text value() {
        return value;
    }

    /** The literal piece that holds offset {@code at} of the text, if a literal holds it. */
    public Optional<Part.Literal> literalAt(int at) {
        for (int i = value.parts().size() - 1; i >= 0; i--) {
            if (starts[i] <= at) {
                return value.parts().get(i) instanceof Part.Literal l
                        ? Optional.of(l)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The pieces that render into {@code [from, to)} of the text. */
    List<Part> partsIn(int from, int to) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            if ((starts[i] < to && end > from)
                    || (starts[i] == end && starts[i] >= from && starts[i] < to)) {
                parts.add(value.parts().get(i));
            }
        }
        return parts;
    }

    /**
     * The value of one variable of a two-argument {@code Fn::Sub} as rendered here: the variable's
     * {@code name}, {@code [start, end)} of the text and its pieces.
     */
    record SubVariable(String name, int start, int end, List<Part> parts) {
        /** The first literal piece, when every piece is literal. */
        Optional<Part.Literal> literal() {
            return parts.stream().allMatch(Part.Literal.class::isInstance)
                    ? Optional.of((Part.Literal) parts.get(0))
                    : Optional.empty();
        }
    }

    /**
     * Where the values of the variables of a two-argument {@code Fn::Sub} ({@code ["…${Secret}…",
     * {Secret: "…"}]}) are rendered: the runs of pieces written in one entry of a variable map.
     */
    List<SubVariable> subVariables() {
        // Asked by every rule that looks at the value's credentials: found once.
        if (subVariables == null) {
            subVariables = findSubVariables();
        }
        return subVariables;
    }

    private List<SubVariable> findSubVariables() {
        List<SubVariable> found = new ArrayList<>();
        int i = 0;
        while (i < starts.length) {
            String entry = subVariableEntry(value.parts().get(i));
            int next = i + 1;
            while (entry != null
                    && next < starts.length
                    && entry.equals(subVariableEntry(value.parts().get(next)))) {
                next++;
            }
            if (entry != null) {
                int end = next < starts.length ? starts[next] : text.length();
                found.add(
                        new SubVariable(
                                entry.substring(entry.lastIndexOf('/') + 1),
                                starts[i],
                                end,
                                value.parts().subList(i, next)));
            }
            i = next;
        }
        return List.copyOf(found);
    }

    private static final String SUB_VARIABLES = "/Fn::Sub/1/";

    /**
     * The path of the variable-map entry of the innermost two-argument {@code Fn::Sub} a piece is
     * written in ({@code …/Fn::Sub/1/Secret}), or null.
     */
    private static String subVariableEntry(Part part) {
        String path = part.origin().path();
        int at = path.lastIndexOf(SUB_VARIABLES);
        if (at < 0) {
            return null;
        }
        int end = path.indexOf('/', at + SUB_VARIABLES.length());
        return end < 0 ? path : path.substring(0, end);
    }

    /** The text of each literal piece within {@code [from, to)} of the text, in order. */
    List<String> literalSlices(int from, int to) {
        List<String> slices = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            if (value.parts().get(i) instanceof Part.Literal && starts[i] < to && end > from) {
                slices.add(text.substring(Math.max(from, starts[i]), Math.min(to, end)));
            }
        }
        return slices;
    }

    /**
     * Whether a piece is part of a dynamic reference that an intrinsic assembles: the {@code
     * ${Secret}} in {@code !Sub '{{resolve:secretsmanager:${Secret}}}'} names a secret, it is not
     * one. A piece that occurs more than once (a Parameter used twice) counts when any occurrence
     * does.
     */
    boolean insideReference(Part part) {
        return pieces().insideReference.containsKey(part);
    }

    /** Where a piece of the value first starts in the text, or -1 when it is none of its pieces. */
    int startOf(Part part) {
        Integer first = pieces().firstStart.get(part);
        return first == null ? -1 : first;
    }

    /**
     * The pieces by identity, indexed once when first asked for: the rules ask about every piece of
     * a value, and a search through all of them per question would grow with the square of a long
     * {@code Fn::Join}'s or {@code Fn::Sub}'s length.
     */
    private Pieces pieces() {
        if (pieces == null) {
            pieces = new Pieces(new IdentityHashMap<>(), new IdentityHashMap<>());
            int range = 0;
            for (int i = 0; i < starts.length; i++) {
                Part part = value.parts().get(i);
                pieces.firstStart.putIfAbsent(part, starts[i]);
                // Starts only grow and the references are found in order: one pass over both.
                while (range < assembled.size() && assembled.get(range)[1] <= starts[i]) {
                    range++;
                }
                if (range < assembled.size() && starts[i] >= assembled.get(range)[0]) {
                    pieces.insideReference.put(part, Boolean.TRUE);
                }
            }
        }
        return pieces;
    }

    private record Pieces(Map<Part, Integer> firstStart, Map<Part, Boolean> insideReference) {}

    /**
     * A dynamic reference, written as one string or assembled by {@code Fn::Sub}/{@code Fn::Join}.
     */
    public record Reference(String service, String key, Part at, int offset) {
        public boolean isSsmSecure() {
            return "ssm-secure".equals(service);
        }

        public boolean isSsm() {
            return "ssm".equals(service);
        }

        public boolean isSecretsManager() {
            return "secretsmanager".equals(service);
        }

        /** The key with any assembled gaps shown as {@code ${…}}. */
        public String readableKey() {
            return key.replace(String.valueOf(GAP), "${…}");
        }
    }

    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            if (value.parts().get(i) instanceof Part.DynamicReference d) {
                refs.add(new Reference(d.service(), d.key(), d, starts[i]));
            }
        }
        if (assembled.isEmpty()) {
            return refs;
        }
        Matcher m = ASSEMBLED_REFERENCE.matcher(text);
        while (m.find()) {
            // Written dynamic references are pieces of their own (rendered as gaps); what matches
            // here was assembled from several pieces.
            literalAt(m.start())
                    .ifPresent(l -> refs.add(new Reference(m.group(1), m.group(2), l, m.start())));
        }
        return refs;
    }

    /**
     * Whether the alternative removes the property ({@code AWS::NoValue}): then nothing deploys.
     */
    public boolean isNoValue() {
        for (Part part : value.parts()) {
            if (part instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.NO_VALUE) {
                return true;
            }
        }
        return false;
    }

    public boolean isLiteral() {
        return value.isLiteral();
    }

    /**
     * The text without the pieces of assembled dynamic references, for the credential detectors.
     */
    public String detectable() {
        if (assembled.isEmpty()) {
            return text; // no assembled reference to blank out
        }
        // The references the constructor found, blanked: the pattern need not run again.
        char[] chars = text.toCharArray();
        for (int[] range : assembled) {
            Arrays.fill(chars, range[0], range[1], GAP);
        }
        return new String(chars);
    }
}
