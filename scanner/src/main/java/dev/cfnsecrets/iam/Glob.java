package dev.cfnsecrets.iam;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * IAM-style globs: {@code *} matches any run of characters, {@code ?} exactly one. Besides plain
 * matching ({@link #matches}) this answers whether two globs can match a common string
 * ({@link #overlaps}), which is how a policy's {@code Resource} pattern is compared with another
 * pattern ("every function ARN", one function's ARN with unknown account and Region).
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

    private Glob() {
    }

    /** Whether {@code pattern} matches the literal {@code text} (no wildcards are read in {@code text}). */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        return reachable(pattern, text, ignoreCase, true);
    }

    /** Whether some string matches both globs. */
    public static boolean overlaps(String a, String b, boolean ignoreCase) {
        return reachable(a, b, ignoreCase, false);
    }

    /**
     * Breadth-first search over pairs of positions (i in {@code a}, j in {@code b}). Star-like
     * tokens ({@code *}, {@link #ANY_FIELD}) may be skipped or may consume a character and stay.
     * When {@code bIsText}, {@code b} is literal text: its {@code *} and {@code ?} are plain characters.
     */
    private static boolean reachable(String a, String b, boolean ignoreCase, boolean bIsText) {
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
            boolean bStar = !bIsText && j < y.length() && isStar(y.charAt(j));
            if (aStar) {
                visit(i + 1, j, width, seen, queue);
            }
            if (bStar) {
                visit(i, j + 1, width, seen, queue);
            }
            if (i < x.length() && j < y.length() && sameCharPossible(x.charAt(i), y.charAt(j), bIsText)) {
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

    /** Whether one character can be matched by token {@code a} and by token (or text character) {@code b}. */
    private static boolean sameCharPossible(char a, char b, boolean bIsText) {
        if (bIsText) {
            return accepts(a, b);
        }
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
