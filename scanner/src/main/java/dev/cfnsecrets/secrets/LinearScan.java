package dev.cfnsecrets.secrets;

import java.util.regex.Pattern;

/**
 * Linear-time replacements for regex shapes that backtrack on hostile text. {@code .*(word).*}
 * with {@code matches} retries the tail from every place the word is found (quadratic on a long
 * line of words that ends in a line break); {@code \{\{[^}]*}}} with {@code find} rescans to the
 * end from every opener (quadratic on {@code {{{{…}); these read each character a bounded number
 * of times.
 */
final class LinearScan {
    private LinearScan() {}

    /**
     * What {@code .*(pattern).*} with {@code matches} meant: {@code pattern} is found and the text
     * is one line ({@code .} matches no line terminator). {@code pattern} must be a plain
     * alternation of bounded words, so that {@code find} is linear.
     */
    static boolean oneLineContains(Pattern pattern, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return pattern.matcher(text).find();
    }

    /**
     * What {@code find} of {@code open[^}]*close} meant, {@code close} being {@code "}"} or {@code
     * "}}"}: some {@code open} whose first {@code '}'} after it starts {@code close}. An opener
     * whose first {@code '}'} fails fails for every opener before that brace too, so the search
     * goes on after it.
     */
    static boolean enclosed(CharSequence text, String open, String close) {
        int from = 0;
        while (true) {
            int start = indexOf(text, open, from);
            if (start < 0) {
                return false;
            }
            int brace = indexOf(text, "}", start + open.length());
            if (brace < 0) {
                return false;
            }
            if (indexOf(text, close, brace) == brace) {
                return true;
            }
            from = brace + 1;
        }
    }

    /** {@code String.indexOf} for a short {@code word}, on any character sequence. */
    private static int indexOf(CharSequence text, String word, int from) {
        outer:
        for (int i = from; i + word.length() <= text.length(); i++) {
            for (int k = 0; k < word.length(); k++) {
                if (text.charAt(i + k) != word.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
