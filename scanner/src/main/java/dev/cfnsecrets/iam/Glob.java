package dev.cfnsecrets.iam;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

/**
 * IAM-style globs: {@code *} matches any run of characters, {@code ?} exactly one. Besides plain
 * matching ({@link #matches}) this answers whether two globs can match a common string ({@link
 * #overlaps}), which is how a policy's {@code Resource} pattern is compared with another pattern
 * ("every function ARN", one function's ARN with unknown account and Region).
 *
 * <p>Two marker characters stand for values known only at deploy time: {@link #ANY_FIELD} (a pseudo
 * parameter such as {@code ${AWS::AccountId}}: any text without a colon, i.e. one ARN field) and
 * {@link #OPAQUE} (one specific value we cannot see, such as {@code !GetAtt Fn.Arn}: it equals only
 * a wildcard, never literal text).
 */
public final class Glob {
    /** One ARN field whose value is known only at deploy time. */
    public static final char ANY_FIELD = '\uE001';

    /** A specific value known only at deploy time. */
    public static final char OPAQUE = '\uE000';

    private Glob() {}

    /**
     * Whether {@code pattern} matches the literal {@code text} (no wildcards are read in {@code
     * text}). Both come from templates, so this reads each text character once, carrying the set of
     * pattern positions it may be at: time pattern length × text length whatever the stars ({@code
     * a*a*a*a*b} against a long ARN), memory the pattern length.
     */
    public static boolean matches(CharSequence pattern, CharSequence text, boolean ignoreCase) {
        CharSequence x = ignoreCase ? pattern.toString().toLowerCase(Locale.ROOT) : pattern;
        CharSequence y = ignoreCase ? text.toString().toLowerCase(Locale.ROOT) : text;
        int m = x.length();
        boolean[] current = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        current[0] = true;
        skipStars(x, current);
        for (int j = 0; j < y.length(); j++) {
            char c = y.charAt(j);
            Arrays.fill(next, false);
            boolean alive = false;
            for (int i = 0; i < m; i++) {
                if (current[i]) {
                    char token = x.charAt(i);
                    if (accepts(token, c)) {
                        next[isStar(token) ? i : i + 1] = true;
                        alive = true;
                    }
                }
            }
            if (!alive) {
                return false;
            }
            skipStars(x, next);
            boolean[] swap = current;
            current = next;
            next = swap;
        }
        return current[m];
    }

    /** A star may match nothing: a position before a star also stands after it. */
    private static void skipStars(CharSequence x, boolean[] positions) {
        for (int i = 0; i < x.length(); i++) {
            if (positions[i] && isStar(x.charAt(i))) {
                positions[i + 1] = true;
            }
        }
    }

    /**
     * Whether some string matches both globs. The search visits pairs of positions, so two very
     * long globs (their lengths' product over {@link #MAX_PAIRS}) are taken to overlap: the
     * cautious answer for the exposure rules, without memory the size of that product.
     */
    public static boolean overlaps(String a, String b, boolean ignoreCase) {
        if ((long) (a.length() + 1) * (b.length() + 1) > MAX_PAIRS) {
            return true;
        }
        return reachable(a, b, ignoreCase);
    }

    static final long MAX_PAIRS = 4_000_000;

    /**
     * Breadth-first search over pairs of positions (i in {@code a}, j in {@code b}). Star-like
     * tokens ({@code *}, {@link #ANY_FIELD}) may be skipped or may consume a character and stay.
     */
    private static boolean reachable(String a, String b, boolean ignoreCase) {
        String x = ignoreCase ? a.toLowerCase(Locale.ROOT) : a;
        String y = ignoreCase ? b.toLowerCase(Locale.ROOT) : b;
        int width = y.length() + 1;
        boolean[] seen = new boolean[(x.length() + 1) * width];
        Deque<int[]> queue = new ArrayDeque<>();
        visit(0, 0, width, seen, queue);
        while (!queue.isEmpty()) {
            int[] state = queue.poll();
            int i = state[0];
            int j = state[1];
            if (i == x.length() && j == y.length()) {
                return true;
            }
            boolean aStar = i < x.length() && isStar(x.charAt(i));
            boolean bStar = j < y.length() && isStar(y.charAt(j));
            if (aStar) {
                visit(i + 1, j, width, seen, queue);
            }
            if (bStar) {
                visit(i, j + 1, width, seen, queue);
            }
            if (i < x.length() && j < y.length() && sameCharPossible(x.charAt(i), y.charAt(j))) {
                visit(aStar ? i : i + 1, bStar ? j : j + 1, width, seen, queue);
            }
        }
        return false;
    }

    private static void visit(int i, int j, int width, boolean[] seen, Deque<int[]> queue) {
        int key = i * width + j;
        if (!seen[key]) {
            seen[key] = true;
            queue.add(new int[] {i, j});
        }
    }

    private static boolean isStar(char c) {
        return c == '*' || c == ANY_FIELD;
    }

    /**
     * Whether one character can be matched by token {@code a} and by token (or text character)
     * {@code b}.
     */
    private static boolean sameCharPossible(char a, char b) {
        if (a == '*' || a == '?') {
            return true;
        }
        if (b == '*' || b == '?') {
            return true;
        }
        if (a == ANY_FIELD) {
            return b != ':';
        }
        if (b == ANY_FIELD) {
            return a != ':';
        }
        return a == b;
    }

    /** Whether pattern token {@code token} accepts the literal character {@code c}. */
    private static boolean accepts(char token, char c) {
        if (token == '*' || token == '?') {
            return true;
        }
        if (token == ANY_FIELD) {
            return c != ':';
        }
        return token == c;
    }
}
