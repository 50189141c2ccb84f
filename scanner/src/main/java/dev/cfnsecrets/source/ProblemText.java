package dev.cfnsecrets.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a parser's problem text safe to print: parsers quote the text they choke on, and that text
 * may be a secret, so a quoted fragment longer than one character (one character names the culprit:
 * a tab, a stray quote) shows only its length.
 */
public final class ProblemText {
    private static final Pattern QUOTED = Pattern.compile("(['\"])([^'\"\\n]{2,})\\1");
    private static final int MAX_LENGTH = 300;

    private ProblemText() {}

    /**
     * What {@code replaceAll("\s*\n\s*", " ")} meant, in one pass: a run of white space that holds
     * a line break becomes one space. The regex rescanned a long run of spaces without a line break
     * from each of its spaces.
     */
    static String joinLines(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            boolean lineBreak = false;
            while (end < text.length() && isSpace(text.charAt(end))) {
                lineBreak |= text.charAt(end) == '\n';
                end++;
            }
            out.append(lineBreak ? " " : text.subSequence(i, end));
            i = end;
        }
        return out.toString();
    }

    /** The regex {@code \s}: ASCII white space only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = joinLines(text).trim();
        Matcher m = QUOTED.matcher(oneLine);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(2);
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            m.group(1) + "…(" + inner.length() + " chars)" + m.group(1)));
        }
        m.appendTail(out);
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "…" : out.toString();
    }
}
