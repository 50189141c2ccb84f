package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.Intrinsics;
import dev.cfnsecrets.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a finding's shown source line holds that reports must hide: credentials of known formats,
 * every value of the document that the secret rules call a secret ({@link DocumentSecrets}: every
 * branch, the pieces of a joined secret), and the literal behind every secret name written as
 * {@code NAME: value} (YAML) or {@code "NAME": "value"} (JSON) anywhere on the line. The last
 * matters where the tree is not there to judge it: a file that does not parse is shown at the line
 * of its problem, and a minified JSON file is one line.
 *
 * <p>The line is attacker-written and may be long, so it is read by hand, each character a bounded
 * number of times, rather than by a pattern that could backtrack.
 */
public final class LineSecrets {
    /** A cache that fills itself the same way for every rule of the document. */
    private static final Shared<Map<Integer, Line>> BY_LINE =
            new Shared<>(scope -> new HashMap<>());

    private LineSecrets() {}

    /** A secret-named key and a candidate literal for its value, as written on the line. */
    record Pair(String name, String value) {}

    /**
     * What to hide on a line: one list per line, the same for every finding on it, which reports
     * may therefore prepare once (a minified template is one line of many secrets, and a list per
     * finding would cost findings × secrets); {@code known} the same secrets, to look them up.
     */
    private record Line(List<String> secrets, Set<String> known) {
        Line(List<String> secrets) {
            this(secrets, Set.copyOf(secrets));
        }
    }

    /**
     * The secrets of {@code line} with {@code more} added: the line's own list, the same object for
     * every finding on the line, when the line holds them all already.
     */
    public static List<String> with(
            RuleContext rules, SourceFile source, int line, List<String> more) {
        Line onLine =
                rules.shared(BY_LINE).computeIfAbsent(line, l -> new Line(find(rules, source, l)));
        List<String> added =
                more.stream().filter(s -> !onLine.known().contains(s)).distinct().toList();
        if (added.isEmpty()) {
            return onLine.secrets();
        }
        List<String> all = new ArrayList<>(added);
        all.addAll(onLine.secrets());
        return List.copyOf(all);
    }

    private static List<String> find(RuleContext rules, SourceFile source, int line) {
        String text = source.line(line);
        List<String> hidden = new ArrayList<>(CredentialSearchCache.onLine(rules, source, line));
        for (String secret : DocumentSecrets.of(rules)) {
            if (text.contains(secret)) {
                hidden.add(secret);
            }
        }
        for (Pair pair : secretNamedPairs(text)) {
            if (ValueSecrets.looksLikeSecretValue(rules, pair.name(), pair.value())) {
                hidden.add(pair.value());
            }
        }
        return List.copyOf(hidden);
    }

    /**
     * Every {@code NAME: value} and {@code "NAME": "value"} on {@code line} whose name says secret.
     * A plain value ends at a comma or closing bracket (a flow collection); when the entry starts
     * the line, the whole rest of the line is a second candidate (a plain block scalar may hold
     * commas).
     */
    static List<Pair> secretNamedPairs(CharSequence line) {
        List<Pair> pairs = new ArrayList<>();
        int n = line.length();
        int keyEnd = -1; // end of the key scanned back from the last colon: never scan back past it
        int i = 0;
        while (i < n) {
            if (line.charAt(i) != ':') {
                i++;
                continue;
            }
            int colon = i;
            int keyTo = skipBlanksBack(line, colon, Math.max(keyEnd, 0));
            char quote = keyTo > 0 ? line.charAt(keyTo - 1) : 0;
            boolean quoted = (quote == '"' || quote == '\'') && keyTo - 1 > keyEnd;
            int nameTo = quoted ? keyTo - 1 : keyTo;
            int nameFrom = nameTo;
            while (nameFrom > Math.max(keyEnd, 0) && isKeyChar(line.charAt(nameFrom - 1))) {
                nameFrom--;
            }
            keyEnd = colon;
            i = colon + 1;
            if (nameFrom == nameTo
                    || quoted && (nameFrom == 0 || line.charAt(nameFrom - 1) != quote)) {
                continue;
            }
            String name = line.subSequence(nameFrom, nameTo).toString();
            int valueFrom = skipBlanks(line, colon + 1);
            if (!SecretNames.isSecretName(name)
                    || valueFrom == n
                    || valueFrom == colon + 1 && !quoted) {
                continue; // YAML needs a blank after the colon; JSON ("NAME":"value") does not
            }
            char first = line.charAt(valueFrom);
            if (first == '"' || first == '\'') {
                int close = closingQuote(line, valueFrom + 1, first);
                pairs.add(new Pair(name, line.subSequence(valueFrom + 1, close).toString()));
                i = Math.min(n, close + 1);
            } else if (first == '!') {
                // An intrinsic's tag is shown; anything else after `!` is the value written as a
                // tag.
                int end = plainEnd(line, valueFrom);
                int tagEnd = valueFrom;
                while (tagEnd < end && !isBlank(line.charAt(tagEnd))) {
                    tagEnd++;
                }
                String tag = line.subSequence(valueFrom, tagEnd).toString();
                if (Intrinsics.longForm(tag).isEmpty() && tag.length() > 1) {
                    pairs.add(new Pair(name, tag.substring(1)));
                }
                i = tagEnd;
            } else if ("{[&*|>".indexOf(first) < 0) {
                int end = plainEnd(line, valueFrom);
                pairs.add(
                        new Pair(
                                name,
                                line.subSequence(valueFrom, skipBlanksBack(line, end, valueFrom))
                                        .toString()));
                if (isLineStart(line, quoted ? nameFrom - 1 : nameFrom)) {
                    pairs.add(new Pair(name, restOfLine(line, valueFrom)));
                }
                i = end;
            }
            keyEnd = i - 1;
        }
        return pairs;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == '.'
                || c == '-';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(CharSequence line, int from) {
        int i = from;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The start of the blanks that end at {@code to}, not before {@code floor}. */
    private static int skipBlanksBack(CharSequence line, int to, int floor) {
        int i = to;
        while (i > floor && isBlank(line.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * Where a quoted value ends: its closing quote (JSON escapes skipped), or the end of the line.
     */
    private static int closingQuote(CharSequence line, int from, char quote) {
        int i = from;
        while (i < line.length() && line.charAt(i) != quote) {
            i += quote == '"' && line.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, line.length());
    }

    /** Where a plain value ends: a comma or closing bracket, a comment, or the end of the line. */
    private static int plainEnd(CharSequence line, int from) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ',' || c == '}' || c == ']' || c == '#' && isBlank(line.charAt(i - 1))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Whether only blanks and an optional list dash come before {@code at}. */
    private static boolean isLineStart(CharSequence line, int at) {
        int i = skipBlanksBack(line, at, 0);
        if (i > 0 && line.charAt(i - 1) == '-' && i < at) {
            i = skipBlanksBack(line, i - 1, 0);
        }
        return i == 0;
    }

    /**
     * The rest of a line after a block entry's colon: its comment and a trailing JSON comma cut.
     */
    private static String restOfLine(CharSequence line, int from) {
        int end = line.length();
        for (int i = from + 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && isBlank(line.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        end = skipBlanksBack(line, end, from);
        if (end > from && line.charAt(end - 1) == ',') {
            end = skipBlanksBack(line, end - 1, from);
        }
        return line.subSequence(from, end).toString();
    }
}
