package dev.cfnsecrets.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes a parser's problem text safe to print: parsers quote the text they choke on, and that text
 * may be a secret, so a quoted fragment longer than one character (one character names the culprit:
 * a tab, a stray quote) shows only its length.
 */
public final class ProblemText {
    private static final Pattern QUOTED = Pattern.compile("(['\"])([^'\"\\n]{2,})\\1");
    private static final int MAX_LENGTH = 300;

    private ProblemText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        // Line by line, not a whitespace-newline-whitespace pattern: that backtracks quadratically on blanks.
        String oneLine = text.lines().map(String::strip).collect(Collectors.joining(" ")).strip();
        Matcher m = QUOTED.matcher(oneLine);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    m.group(1) + "…(" + inner.length() + " chars)" + m.group(1)));
        }
        m.appendTail(out);
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "…" : out.toString();
    }
}
