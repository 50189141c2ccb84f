package dev.cfnsecrets.eval;

import dev.cfnsecrets.source.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * What a template value evaluates to without deploying it. Strings are {@link Text} (a sequence of
 * literal, dynamic-reference and unknown pieces); {@code Fn::If} and {@code Fn::FindInMap} with an
 * unknown key give a {@link Choice}; lists give a {@link ListValue}.
 */
public sealed interface Value {
    /** The most alternatives a value expands to; more are dropped (templates rarely come close). */
    int MAX_ALTERNATIVES = 64;

    Node origin();

    /** Every string this value may deploy as, each a {@link Text}; lists contribute nothing. */
    List<Text> alternatives();

    record Text(List<Part> parts, Node origin) implements Value {
        public Text {
            parts = List.copyOf(parts);
        }

        public List<Text> alternatives() {
            return List.of(this);
        }

        /** True when every piece is literal text, so {@link #literal()} is the deployed value. */
        public boolean isLiteral() {
            // A loop, not a stream: rules ask this of every value, and the stream and the method
            // reference are objects made on each call, which the quick (C1) compiler keeps.
            for (Part part : parts) {
                if (!(part instanceof Part.Literal)) {
                    return false;
                }
            }
            return true;
        }

        /** The concatenated literal pieces (unknown and dynamic pieces contribute nothing). */
        public String literal() {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Part.Literal l) {
                    b.append(l.text());
                }
            }
            return b.toString();
        }

        public List<Part.Literal> literals() {
            return parts.stream()
                    .filter(Part.Literal.class::isInstance)
                    .map(Part.Literal.class::cast)
                    .toList();
        }

        public List<Part.DynamicReference> dynamicReferences() {
            return parts.stream()
                    .filter(Part.DynamicReference.class::isInstance)
                    .map(Part.DynamicReference.class::cast)
                    .toList();
        }

        public List<Part.Unknown> unknowns() {
            return parts.stream()
                    .filter(Part.Unknown.class::isInstance)
                    .map(Part.Unknown.class::cast)
                    .toList();
        }
    }

    /**
     * Alternatives of which one deploys: the branches of {@code Fn::If}, the candidates of a
     * lookup.
     */
    record Choice(List<Value> options, Node origin) implements Value {
        public Choice {
            options = List.copyOf(options);
        }

        public List<Text> alternatives() {
            List<Text> all = new ArrayList<>();
            for (Value option : options) {
                for (Text t : option.alternatives()) {
                    if (all.size() < MAX_ALTERNATIVES) {
                        all.add(t);
                    }
                }
            }
            return all;
        }
    }

    record ListValue(List<Value> items, Node origin) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }

        public List<Text> alternatives() {
            return List.of();
        }
    }
}
