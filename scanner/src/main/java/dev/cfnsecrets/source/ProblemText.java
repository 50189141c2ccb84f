package dev.cfnsecrets.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a parser's problem text safe to print: parsers quote the text they choke on, and that text
 * may be a secret, so quoted fragments are cut to a short prefix and the length.
 */
public final class ProblemText {
    private static final Pattern QUOTED = Pattern.compile("(['\"])([^'\"\\n]{9,})\\1");
    private static final int MAX_LENGTH = 300;

    private ProblemText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s*\\n\\s*", " ").trim();
        Matcher m = QUOTED.matcher(oneLine);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    m.group(1) + inner.substring(0, 4) + "…(" + inner.length() + " chars)" + m.group(1)));
        }
        m.appendTail(out);
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "…" : out.toString();
    }
}
