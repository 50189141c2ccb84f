package dev.cfnsecrets.source;

import java.util.Optional;

/**
 * Chooses the JSON or YAML reader for a source: JSON when the first non-blank character opens an
 * object or list.
 */
public final class TreeParser {
    private TreeParser() {}

    /**
     * A parsed document: its root (empty for a file without content) and the first duplicate key,
     * whose last value the tree holds, as CloudFormation reads it.
     */
    public record Parsed(Optional<Node> root, Optional<InputProblem> duplicateKey) {
        /** The root, when the document has no duplicate key. */
        Optional<Node> strict() throws InputProblem {
            if (duplicateKey.isPresent()) {
                throw duplicateKey.get();
            }
            return root;
        }
    }

    /** A reader of one document that may meet a duplicate key before it finishes or fails. */
    interface Reading {
        Optional<Node> run() throws InputProblem;

        /** The first duplicate key met so far. */
        Optional<InputProblem> duplicateKey();
    }

    /**
     * Runs {@code reading}; when it fails after a duplicate key, the duplicate is the problem to
     * report, as the first in the file (parsing used to stop there).
     */
    static Parsed read(Reading reading) throws InputProblem {
        try {
            Optional<Node> root = reading.run();
            return new Parsed(root, reading.duplicateKey());
        } catch (InputProblem later) {
            throw reading.duplicateKey().orElse(later);
        }
    }

    /** The document's root; a duplicate key is a problem. */
    public static Optional<Node> parse(SourceFile source, Limits limits) throws InputProblem {
        return read(source, limits).strict();
    }

    /** The document as CloudFormation reads it: of duplicate keys, the last one. */
    public static Parsed read(SourceFile source, Limits limits) throws InputProblem {
        return looksLikeJson(source.text())
                ? JsonTreeBuilder.read(source, limits)
                : YamlTreeBuilder.read(source, limits);
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
