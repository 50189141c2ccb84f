package dev.cfnsecrets.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What every human-facing output does to text it did not write itself (template bytes, file names,
 * configuration keys, custom rules, exception messages), so that the text can neither drive a
 * terminal, hide or reorder what is shown, nor be read by a CI runner as a command:
 *
 * <ul>
 *   <li>control characters other than tab (ESC, BEL, DEL, the C1 controls, U+0085, and a carriage
 *       return that does not end a line), invisible formatting characters (Unicode category Cf: the
 *       bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, zero-width
 *       characters, U+FEFF), the line and paragraph separators U+2028 and U+2029, and a lone
 *       surrogate are written as escapes: <code>&#92;n</code>, <code>&#92;r</code>, else <code>
 *       &#92;u</code> and four hex digits per UTF-16 unit (<code>&#92;u001b</code>, <code>
 *       &#92;u202e</code>), which is also how JSON writes them;
 *   <li>{@code ##[}, which GitHub's runner reads as a command anywhere in a line (its legacy
 *       syntax), is written <code>##&#92;[</code>;
 *   <li>a line that would start with {@code ::} after blanks, which the runner reads as a command
 *       ({@code ::error}, {@code ::stop-commands}, {@code ::add-mask}), starts with <code>:&#92;:
 *       </code> instead.
 * </ul>
 *
 * A backslash is left as it is: text can look like an escape, but cannot become what it shows.
 * {@link SafeWriter} applies the same rules to a whole output as it is written.
 */
public final class SafeText {
    private SafeText() {}

    /** A value shown inside a line: line breaks escaped too, so that it stays on its line. */
    public static String inline(String text) {
        return run(new Escaper(false, false, false), text, null);
    }

    /**
     * A whole line, e.g. of a build log: as {@link #inline}, and a leading {@code ::} neutralised.
     */
    public static String line(String text) {
        return run(new Escaper(false, true, false), text, null);
    }

    /** Text of several lines, e.g. an error message: line breaks kept, every line neutralised. */
    public static String lines(String text) {
        return run(new Escaper(true, true, false), text, null);
    }

    /**
     * {@link #inline} that also says where each character of {@code text} went, for carets under
     * it.
     */
    static Mapped mapped(String text) {
        int[] offsets = new int[text.length() + 1];
        String escaped = run(new Escaper(false, false, false), text, offsets);
        return new Mapped(escaped, offsets);
    }

    private static String run(Escaper escaper, String text, int[] offsets) {
        for (int i = 0; i < text.length(); i++) {
            if (offsets != null) {
                offsets[i] = escaper.out.length();
            }
            escaper.feed(text.charAt(i));
        }
        escaper.finish();
        if (offsets != null) {
            offsets[text.length()] = escaper.out.length();
        }
        return escaper.out.toString();
    }

    /**
     * Escaped text and, for each index of the original (and its length), the index in the escaped
     * text where that character's rendering starts.
     */
    record Mapped(String text, int[] offsets) {
        int offset(int index) {
            return offsets[Math.max(0, Math.min(index, offsets.length - 1))];
        }
    }

    /**
     * True for a code point that is never written as it is (a lone surrogate neither, see {@link
     * Escaper}).
     */
    static boolean mustEscape(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
                return codePoint != '\t';
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }

    /**
     * The rules above as a state machine fed one UTF-16 unit at a time, so that {@link SafeWriter}
     * can apply them to a stream cut anywhere; the result accumulates in {@link #out}.
     */
    static final class Escaper {
        private static final char ESC = '\u001b';

        /** Longest colour sequence passed through: ESC, '[', parameters, 'm'. */
        private static final int MAX_STYLE = 16;

        /**
         * SGR parameters a report may use: reset, bold, dim, italic, underline, their ends, red,
         * yellow, cyan, default colour.
         */
        private static final Set<String> STYLE_PARAMETERS =
                Set.of("0", "1", "2", "3", "4", "21", "22", "23", "24", "31", "33", "36", "39");

        private enum LineState {
            START,
            COLON,
            MID
        }

        final StringBuilder out = new StringBuilder();
        private final boolean keepLineBreaks;
        private final boolean guardLineStart;
        private final boolean passStyles;
        private final StringBuilder pendingStyle = new StringBuilder();
        private LineState line = LineState.START;
        private int hashes;
        private char pendingHigh;
        private boolean pendingCr;

        /**
         * @param keepLineBreaks LF and CR LF end a line (else they are escaped like any control
         *     character)
         * @param guardLineStart neutralise {@code ::} at the start of each line
         * @param passStyles pass the colour and weight sequences (SGR) of {@link
         *     #STYLE_PARAMETERS}, none of which can hide text
         */
        Escaper(boolean keepLineBreaks, boolean guardLineStart, boolean passStyles) {
            this.keepLineBreaks = keepLineBreaks;
            this.guardLineStart = guardLineStart;
            this.passStyles = passStyles;
        }

        boolean atLineStart() {
            return line == LineState.START
                    && pendingStyle.isEmpty()
                    && pendingHigh == 0
                    && !pendingCr;
        }

        /**
         * Writes {@code ::} as it is: the caller, at the start of a line, is writing a command of
         * its own.
         */
        void commandStart() {
            out.append("::");
            visible();
        }

        void feed(char c) {
            if (!pendingStyle.isEmpty()) {
                continueStyle(c);
                return;
            }
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    out.append("\r\n");
                    line = LineState.START;
                    hashes = 0;
                    return;
                }
                escape('\r');
            }
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    codePoint(Character.toCodePoint(high, c));
                    return;
                }
                escape(high);
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (c == '\n' && keepLineBreaks) {
                out.append('\n');
                line = LineState.START;
                hashes = 0;
            } else if (c == '\r' && keepLineBreaks) {
                pendingCr = true;
            } else if (c == ESC && passStyles) {
                pendingStyle.append(c);
            } else {
                codePoint(c);
            }
        }

        /** Settles whatever waits for a next character that will not come. */
        void finish() {
            while (!pendingStyle.isEmpty() || pendingCr || pendingHigh != 0) {
                if (!pendingStyle.isEmpty()) {
                    rejectStyle();
                } else if (pendingCr) {
                    pendingCr = false;
                    escape('\r');
                } else {
                    char high = pendingHigh;
                    pendingHigh = 0;
                    escape(high);
                }
            }
        }

        private void codePoint(int cp) {
            if (mustEscape(cp) || Character.getType(cp) == Character.SURROGATE) {
                escape(cp);
            } else if (cp == ':') {
                boolean second = guardLineStart && line == LineState.COLON;
                boolean first = guardLineStart && line == LineState.START;
                out.append(second ? "\\:" : ":");
                line = first ? LineState.COLON : LineState.MID;
                hashes = 0;
            } else if (cp == '[' && hashes >= 2) {
                out.append("\\[");
                visible();
            } else if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                // Blanks, which the runner trims before looking for "::", keep a line at its start.
                out.appendCodePoint(cp);
                line = line == LineState.COLON ? LineState.MID : line;
                hashes = 0;
            } else {
                out.appendCodePoint(cp);
                int run = cp == '#' ? hashes + 1 : 0;
                visible();
                hashes = run;
            }
        }

        private void escape(int cp) {
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else {
                for (char unit : Character.toChars(cp)) {
                    out.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) unit));
                }
            }
            visible();
        }

        private void visible() {
            line = LineState.MID;
            hashes = 0;
        }

        private void continueStyle(char c) {
            pendingStyle.append(c);
            int length = pendingStyle.length();
            if (length == 2) {
                if (c != '[') {
                    rejectStyle();
                }
            } else if (c == 'm') {
                String parameters = pendingStyle.substring(2, length - 1);
                if (parameters.isEmpty()
                        || Arrays.stream(parameters.split(";", -1))
                                .allMatch(STYLE_PARAMETERS::contains)) {
                    // Invisible: the line is where it was for the runner's rules.
                    out.append(pendingStyle);
                    pendingStyle.setLength(0);
                } else {
                    rejectStyle();
                }
            } else if (length >= MAX_STYLE || !(Character.isDigit(c) && c < 128 || c == ';')) {
                rejectStyle();
            }
        }

        /** Not an allowed style: the ESC is escaped and what followed it is read again as text. */
        private void rejectStyle() {
            String held = pendingStyle.substring(1);
            pendingStyle.setLength(0);
            escape(ESC);
            for (int i = 0; i < held.length(); i++) {
                feed(held.charAt(i));
            }
        }
    }
}
