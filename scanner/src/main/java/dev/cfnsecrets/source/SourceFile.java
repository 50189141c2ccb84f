package dev.cfnsecrets.source;

import java.util.Arrays;

/**
 * The decoded text of one input file and a line index over it. {@code path} is the path shown to
 * users and written into reports (relative to the scan root where there is one, with '/').
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private final int[] lineStarts;
    private final boolean supplementary;

    public SourceFile(String path, String text) {
        this(path, text, hasSurrogatePair(text));
    }

    /** {@code supplementary}: whether {@code text} has a surrogate pair (the reader knows). */
    SourceFile(String path, String text, boolean supplementary) {
        this.path = path;
        this.text = text;
        this.lineStarts = indexLines(text);
        this.supplementary = supplementary;
    }

    /** Whether a character of {@code text} needs two UTF-16 units: a high and a low surrogate. */
    private static boolean hasSurrogatePair(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** Whether any character needs two UTF-16 units (then code-point and UTF-16 columns differ). */
    public boolean hasSupplementaryCharacters() {
        return supplementary;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line without its line break, or "" when out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** Character offset of a 1-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        int l = Math.min(Math.max(line, 1), lineStarts.length);
        return Math.min(text.length(), lineStarts[l - 1] + Math.max(column, 1) - 1);
    }

    /** 1-based line and column span of the character range [from, to). */
    public Span span(int from, int to) {
        int[] start = position(from);
        int[] end = position(to);
        return new Span(start[0], start[1], end[0], end[1]);
    }

    private int[] position(int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    /** The source text covered by a span. */
    public String text(Span span) {
        return text.substring(
                offset(span.startLine(), span.startColumn()),
                Math.max(
                        offset(span.startLine(), span.startColumn()),
                        offset(span.endLine(), span.endColumn())));
    }
}
