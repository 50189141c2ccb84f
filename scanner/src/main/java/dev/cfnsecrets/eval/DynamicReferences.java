package dev.cfnsecrets.eval;

import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code {{resolve:ssm|ssm-secure|secretsmanager:…}}} inside a string
 * (docs/facts.md#dynamic-references). With blanks inside the braces CloudFormation treats the text
 * as literal, and so do we.
 */
final class DynamicReferences {
    private static final Pattern REFERENCE =
            Pattern.compile("\\{\\{resolve:(ssm-secure|ssm|secretsmanager):([^{}\\s]+)}}");

    private DynamicReferences() {}

    /** Splits {@code value[from, to)} of a scalar into literal and dynamic-reference parts. */
    static List<Part> split(ScalarNode node, int from, int to, TextLocator locator) {
        String value = node.value();
        List<Part> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(value).region(from, to);
        int last = from;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(literal(node, last, m.start(), locator));
            }
            parts.add(
                    new Part.DynamicReference(
                            m.group(1),
                            m.group(2),
                            m.group(),
                            node,
                            locator.locate(node, m.start(), m.end()),
                            null));
            last = m.end();
        }
        if (last < to || parts.isEmpty()) {
            parts.add(literal(node, last, to, locator));
        }
        return parts;
    }

    private static Part.Literal literal(ScalarNode node, int from, int to, TextLocator locator) {
        return new Part.Literal(
                node.value().substring(from, to), node, locator.locate(node, from, to), null);
    }
}
