package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The credentials of known formats on the lines of a file that does not parse (a syntax error, an
 * unknown tag): it is still in the repository, and so is any secret in it. Only the format
 * detectors of {@link CredentialDetector} run, never the secret-name heuristics: without a tree a
 * name cannot be paired with its value reliably.
 *
 * <p>Whether a credential sits in an environment is guessed from indentation alone: its line is
 * below a {@code Variables} key that is itself below {@code Environment} (a Lambda function, SAM
 * Globals), or below an {@code Environment} key below {@code ContainerDefinitions} (an ECS task).
 * Each line's key ({@code Key:}, {@code - Key:} or {@code "Key":}) is pushed on a stack of
 * enclosing keys after the keys indented as deep or deeper are popped, so the pass is linear in the
 * file; a one-line (minified or flow) document gets no environment context.
 */
public final class UnparsedCredentials {
    private UnparsedCredentials() {}

    /** A credential at {@code span}; {@code inEnvironment}: the guess above. */
    public record Found(CredentialMatch match, Span span, boolean inEnvironment) {}

    /** An enclosing key, its indentation, and whether it is (or is under) an environment. */
    private record Key(int indent, String name, boolean environment) {}

    /** The credentials of an unparsed file, in line order; none for any other document. */
    public static List<Found> of(RuleContext rules) {
        if (!(rules.document() instanceof Document.Unreadable unreadable)
                || unreadable.text() == null
                || !unreadable.problem().isMalformed()) {
            return List.of();
        }
        SourceFile source = unreadable.text();
        List<Found> found = new ArrayList<>();
        Deque<Key> enclosing = new ArrayDeque<>();
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line);
            int indent = indentOf(text);
            if (indent == text.length() || text.charAt(indent) == '#') {
                continue; // blank, or a YAML comment: not a value CloudFormation would read
            }
            String name = enter(enclosing, text, indent);
            boolean environment = !enclosing.isEmpty() && enclosing.peek().environment();
            for (CredentialMatch m :
                    CredentialSearchCache.find(
                            rules, text, new CredentialDetector.Context(name, false))) {
                Span span = new Span(line, m.start() + 1, line, m.end() + 1);
                found.add(new Found(m, span, environment));
            }
        }
        return found;
    }

    /** Updates the enclosing keys with the line's key, if it has one; returns that key or "". */
    private static String enter(Deque<Key> enclosing, String text, int indent) {
        int at = indent;
        while (at + 1 < text.length() && text.charAt(at) == '-' && text.charAt(at + 1) == ' ') {
            at = indentOf(text, at + 2); // a list item's key is indented past its dash
        }
        String name = keyAt(text, at);
        if (name.isEmpty()) {
            return name;
        }
        while (!enclosing.isEmpty() && enclosing.peek().indent() >= at) {
            enclosing.pop();
        }
        Key parent = enclosing.peek();
        boolean environment =
                parent != null
                        && (parent.environment()
                                || (name.equals("Variables") && parent.name().equals("Environment"))
                                || (name.equals("Environment")
                                        && parent.name().equals("ContainerDefinitions")));
        enclosing.push(new Key(at, name, environment));
        return name;
    }

    /**
     * The key that starts at {@code from}: {@code Key:} followed by a blank or the end of the line,
     * or a quoted {@code "Key":}; "" when the line does not start with a key.
     */
    static String keyAt(String text, int from) {
        if (from >= text.length()) {
            return "";
        }
        char quote = text.charAt(from);
        if (quote == '"' || quote == '\'') {
            int close = text.indexOf(quote, from + 1);
            int colon = close < 0 ? -1 : indentOf(text, close + 1);
            return colon >= 0 && colon < text.length() && text.charAt(colon) == ':'
                    ? text.substring(from + 1, close)
                    : "";
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return text.substring(from, i).strip();
            }
            if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == '#') {
                return "";
            }
        }
        return "";
    }

    private static int indentOf(String text) {
        return indentOf(text, 0);
    }

    /** The first position at or after {@code from} that is not a space or tab. */
    private static int indentOf(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
