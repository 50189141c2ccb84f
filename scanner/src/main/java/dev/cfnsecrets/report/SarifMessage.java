package dev.cfnsecrets.report;

import java.util.List;

/**
 * A result's plain-text message in SARIF's syntax: code scanning turns {@code [text](n)} into a
 * link to the related location whose id is n (docs/facts.md#github-code-scanning), so literal
 * brackets, and a backslash before one, are escaped with a backslash (SARIF 2.1.0, 3.11.6).
 */
final class SarifMessage {
    private SarifMessage() {}

    /**
     * The message, then a link to each related location (ids 1, 2, … in order), each named by the
     * location's own message.
     */
    static String withLinks(String message, List<String> relatedTexts) {
        StringBuilder out = new StringBuilder(escape(message));
        for (int i = 0; i < relatedTexts.size(); i++) {
            out.append(i == 0 ? " Related: " : ", ")
                    .append('[')
                    .append(escape(relatedTexts.get(i)))
                    .append("](")
                    .append(i + 1)
                    .append(')');
        }
        return relatedTexts.isEmpty() ? out.toString() : out.append('.').toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean beforeBracket =
                    c == '\\'
                            && i + 1 < text.length()
                            && (text.charAt(i + 1) == '[' || text.charAt(i + 1) == ']');
            if (c == '[' || c == ']' || beforeBracket) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
