package dev.cfnsecrets.rules.values;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The key–value entries of a document that one string value carries: a JSON document ({@link
 * InnerJson}), dotenv or YAML lines ({@code DB_PASSWORD=…}, {@code smtp:\n pass: …}), a query
 * string ({@code user=a&password=…}, also of a JDBC URL), a connection string ({@code
 * Server=db;Password=…;}, ODBC {@code PWD={…};}) or an {@code Authorization: Basic} header, whose
 * base64 holds {@code user:password}.
 *
 * <p>It only reads: whether an entry is a secret is {@link ValueSecrets}' question. Each entry
 * keeps where its value is written in the text ({@code [from, to)}), so a finding points at the
 * value itself. The text is written by strangers: every grammar here reads it by hand, each
 * character a bounded number of times, and JSON is read by Jackson within {@link InnerJson}'s
 * limits.
 */
final class InnerDocuments {
    /** Longer texts are not read: a document in one value is far smaller (an environment: 4 KB). */
    static final int MAX_LENGTH = 64 * 1024;

    private InnerDocuments() {}

    /** The kind of document, in words a message can use. */
    enum Format {
        JSON("a JSON document"),
        LINES("dotenv or YAML lines"),
        QUERY("a query string"),
        CONNECTION("a connection string"),
        BASIC_AUTH("a Basic Authorization header");

        private final String words;

        Format(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /**
     * One entry: {@code path} the keys down to it ({@code smtp.pass}), {@code key} the last of
     * them, {@code value} as the document means it (URL- or base64-decoded), written at {@code
     * [from, to)} of the text.
     */
    record Entry(Format format, String path, String key, String value, int from, int to) {}

    /**
     * Whether {@code text} may hold a document at all, in one look at each character: a JSON
     * document, a {@code Basic} header, or an {@code =} or {@code ": "} somewhere. Most values
     * (names, ARNs, plain URLs) do not, and are not read further.
     */
    static boolean mayHoldOne(CharSequence text) {
        int n = text.length();
        if (n > MAX_LENGTH) {
            return false;
        }
        int start = skipBlanks(text, 0, n);
        if (isJson(text, start) || startsWithIgnoreCase(text, start, "basic ")) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '='
                    || c == ':' && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The entries of the document {@code text} holds, or none when it holds none. */
    static List<Entry> read(CharSequence text) {
        if (!mayHoldOne(text)) {
            return List.of();
        }
        int n = text.length();
        if (isJson(text, skipBlanks(text, 0, n))) {
            return InnerJson.read(text.toString());
        }
        List<Entry> basic = basicAuth(text);
        if (indexIn(text, '\n', 0, n) < n) {
            // A script's or a settings block's lines, one of which may be a Basic header.
            List<Entry> entries = new ArrayList<>(basic);
            entries.addAll(lines(text));
            return entries;
        }
        if (!basic.isEmpty()) {
            return basic;
        }
        if (indexIn(text, '=', 0, n) == n) {
            return List.of();
        }
        if (indexIn(text, ';', 0, n) < n) {
            return connectionString(text);
        }
        int query = indexIn(text, '?', 0, n);
        if (query < n || indexIn(text, '&', 0, n) < n) {
            return queryString(text, query < n ? query + 1 : 0);
        }
        return lines(text);
    }

    /**
     * Whether the text at {@code start} opens a JSON object or array — {@code {"}, {@code {}},
     * {@code [{}, {@code ["} … — and not a {@code {{resolve:…}}} reference or a {@code [x]}.
     */
    private static boolean isJson(CharSequence text, int start) {
        if (start >= text.length() || text.charAt(start) != '{' && text.charAt(start) != '[') {
            return false;
        }
        int next = skipBlanks(text, start + 1, text.length());
        return next < text.length()
                && "\"{}[]".indexOf(text.charAt(next)) >= 0
                && !(text.charAt(start) == '{' && text.charAt(next) == '{');
    }

    /**
     * {@code KEY=value} (dotenv, with an optional {@code export}) and {@code key: value} (YAML)
     * lines; a YAML key without a value opens a map, whose keys the path goes through by
     * indentation. Blank lines, comments and other lines are skipped.
     */
    private static List<Entry> lines(CharSequence text) {
        List<Entry> entries = new ArrayList<>();
        List<String> openKeys = new ArrayList<>();
        List<Integer> openIndents = new ArrayList<>();
        int lineFrom = 0;
        while (lineFrom <= text.length()) {
            int lineTo = indexIn(text, '\n', lineFrom, text.length());
            int end = lineTo > lineFrom && text.charAt(lineTo - 1) == '\r' ? lineTo - 1 : lineTo;
            int at = skipBlanks(text, lineFrom, end);
            if (at + 1 < end && text.charAt(at) == '-' && text.charAt(at + 1) == ' ') {
                at = skipBlanks(text, at + 1, end); // a YAML list item
            }
            int indent = at - lineFrom;
            if (startsWith(text, at, end, "export ")) {
                at = skipBlanks(text, at + "export ".length(), end);
            }
            int keyTo = keyEnd(text, at, end);
            if (keyTo > at && keyTo < end && text.charAt(at) != '#') {
                String key = sub(text, at, keyTo);
                char separator = text.charAt(keyTo);
                boolean yaml = separator == ':' && (keyTo + 1 == end || isBlank(text, keyTo + 1));
                if (separator == '=' || yaml) {
                    while (!openIndents.isEmpty()
                            && openIndents.get(openIndents.size() - 1) >= indent) {
                        openIndents.remove(openIndents.size() - 1);
                        openKeys.remove(openKeys.size() - 1);
                    }
                    int valueFrom = skipBlanks(text, keyTo + 1, end);
                    int[] value = unquoted(text, valueFrom, end);
                    // password=os.environ['DB_PASSWORD'], in a function's inline code
                    boolean code = value[0] == valueFrom && isCode(text, value[0], value[1]);
                    if (value[0] < value[1] && !code) {
                        String path = String.join(".", openKeys);
                        entries.add(
                                new Entry(
                                        Format.LINES,
                                        path.isEmpty() ? key : path + "." + key,
                                        key,
                                        sub(text, value[0], value[1]),
                                        value[0],
                                        value[1]));
                    } else if (yaml && value[0] == value[1]) {
                        openKeys.add(key);
                        openIndents.add(indent);
                    }
                }
            }
            lineFrom = lineTo + 1;
        }
        return entries;
    }

    /** {@code key=value} pairs separated by {@code &}, URL-decoded, from {@code from} on. */
    private static List<Entry> queryString(CharSequence text, int from) {
        List<Entry> entries = new ArrayList<>();
        int end = indexIn(text, '#', from, text.length());
        int pairFrom = from;
        while (pairFrom < end) {
            int pairTo = indexIn(text, '&', pairFrom, end);
            int equals = indexIn(text, '=', pairFrom, pairTo);
            if (equals > pairFrom && equals < pairTo - 1) {
                String key = urlDecoded(sub(text, pairFrom, equals));
                entries.add(
                        new Entry(
                                Format.QUERY,
                                key,
                                key,
                                urlDecoded(sub(text, equals + 1, pairTo)),
                                equals + 1,
                                pairTo));
            }
            pairFrom = pairTo + 1;
        }
        return entries;
    }

    /**
     * {@code key=value} pairs separated by {@code ;}; keys may hold blanks ({@code User Id}), an
     * ODBC value may be braced ({@code PWD={a;b}}).
     */
    private static List<Entry> connectionString(CharSequence text) {
        List<Entry> entries = new ArrayList<>();
        int n = text.length();
        int pairFrom = 0;
        while (pairFrom < n) {
            int semicolon = indexIn(text, ';', pairFrom, n);
            int equals = indexIn(text, '=', pairFrom, semicolon);
            if (equals == semicolon) {
                pairFrom = semicolon + 1;
                continue;
            }
            String key = sub(text, pairFrom, equals).strip();
            int valueFrom = skipBlanks(text, equals + 1, semicolon);
            int valueTo = semicolon;
            if (valueFrom < n && text.charAt(valueFrom) == '{') {
                valueTo = indexIn(text, '}', valueFrom, n);
                valueFrom++;
                semicolon = indexIn(text, ';', valueTo, n);
            }
            int[] value = unquoted(text, valueFrom, valueTo);
            if (!key.isEmpty() && value[0] < value[1]) {
                entries.add(
                        new Entry(
                                Format.CONNECTION,
                                key,
                                key,
                                sub(text, value[0], value[1]),
                                value[0],
                                value[1]));
            }
            pairFrom = semicolon + 1;
        }
        return entries;
    }

    /**
     * The password of an {@code Authorization: Basic <base64 of user:password>} header (or of a
     * value that starts with {@code Basic }), at the base64 text.
     */
    private static List<Entry> basicAuth(CharSequence text) {
        int basic = indexOfIgnoreCase(text, "basic ");
        if (basic < 0) {
            return List.of();
        }
        int before = basic;
        while (before > 0 && isBlank(text, before - 1)) {
            before--;
        }
        boolean header =
                before == 0
                        || before >= "authorization:".length()
                                && startsWithIgnoreCase(
                                        text, before - "authorization:".length(), "authorization:");
        int from = skipBlanks(text, basic + "basic ".length(), text.length());
        int to = from;
        while (to < text.length() && isBase64(text.charAt(to))) {
            to++;
        }
        if (!header || to - from < 4) {
            return List.of();
        }
        String decoded = base64Text(sub(text, from, to));
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        return List.of(
                new Entry(
                        Format.BASIC_AUTH,
                        "password",
                        "password",
                        decoded.substring(colon + 1),
                        from,
                        to));
    }

    /** The UTF-8 text that {@code base64} encodes, or null when it encodes none. */
    private static String base64Text(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    /** {@code %xx} and {@code +} decoded; text that does not decode is kept as written. */
    private static String urlDecoded(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * The value in {@code [from, to)}: inside its quotes when quoted, else up to a {@code #}
     * comment, trailing blanks cut.
     */
    private static int[] unquoted(CharSequence text, int from, int to) {
        if (from < to && (text.charAt(from) == '"' || text.charAt(from) == '\'')) {
            int close = indexIn(text, text.charAt(from), from + 1, to);
            return close == to ? new int[] {to, to} : new int[] {from + 1, close};
        }
        int end = from;
        while (end < to && !(text.charAt(end) == '#' && end > from && isBlank(text, end - 1))) {
            end++;
        }
        while (end > from && isBlank(text, end - 1)) {
            end--;
        }
        return new int[] {from, end};
    }

    /**
     * Whether an unquoted value in {@code [from, to)} reads like code rather than a setting: a
     * call, an index or a brace, or a trailing comma (an argument on its own line).
     */
    private static boolean isCode(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("()[]{}".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return to > from && text.charAt(to - 1) == ',';
    }

    /** The end of a key ({@code A-Z a-z 0-9 _ - .}, starting with a letter or {@code _}). */
    private static int keyEnd(CharSequence text, int from, int to) {
        if (from >= to || !(Character.isLetter(text.charAt(from)) || text.charAt(from) == '_')) {
            return from;
        }
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The first {@code c} in {@code [from, to)}, or {@code to}: never a look past {@code to}. */
    private static int indexIn(CharSequence text, char c, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) != c) {
            i++;
        }
        return i;
    }

    /** The first place of {@code word} (lower case) in {@code text}, in any case, or -1. */
    private static int indexOfIgnoreCase(CharSequence text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (startsWithIgnoreCase(text, i, word)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code word} (lower case) is written at {@code at}, in any case. */
    private static boolean startsWithIgnoreCase(CharSequence text, int at, String word) {
        if (at < 0 || at + word.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(text.charAt(at + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(CharSequence text, int at, int to, String word) {
        if (at + word.length() > to) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text.charAt(at + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String sub(CharSequence text, int from, int to) {
        return text.subSequence(from, to).toString();
    }

    private static boolean isBase64(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=');
    }

    private static boolean isBlank(CharSequence text, int at) {
        return text.charAt(at) == ' ' || text.charAt(at) == '\t';
    }

    private static int skipBlanks(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && (isBlank(text, i) || text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
