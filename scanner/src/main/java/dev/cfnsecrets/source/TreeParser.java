package dev.cfnsecrets.source;

import java.util.Optional;

/**
 * Chooses the JSON or YAML reader for a source: JSON when the first non-blank character opens an
 * object or list.
 */
public final class TreeParser {
    private TreeParser() {}

    public static Optional<Node> parse(SourceFile source, Limits limits) throws InputProblem {
        return looksLikeJson(source.text())
                ? JsonTreeBuilder.parse(source, limits)
                : YamlTreeBuilder.parse(source, limits);
    }

    static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }
}
