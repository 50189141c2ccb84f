package dev.cfnsecrets.secrets;

import java.util.HashMap;
import java.util.Map;

/**
 * Shannon entropy, used only together with a secret name (DESIGN: "entropy only with context").
 * Alone it cannot tell a password from a word; behind a name such as {@code API_TOKEN} it tells a
 * generated token ({@code 9fQ2xLk0vR7pZ3mN}) from a word or mode ({@code cognito}, {@code strict}).
 *
 * <p>Thresholds were measured (see {@code EntropyTest} and the issue-3 notes): generated tokens of
 * 16+ characters from the hex alphabet score at least 3.0 bits per character, from base62/base64 at
 * least 3.5; every literal under a non-secret name in the real-world corpus that is a word, a
 * setting or an identifier scores below these together with the character-class test.
 */
public final class Entropy {
    /** Hex strings: 16 random hex digits average ~3.7 bits, so 3.0 keeps even unlucky draws. */
    static final double HEX_THRESHOLD = 3.0;
    /** Mixed alphabets: random base62 of length 12 averages ~3.4, words and slugs stay lower. */
    static final double MIXED_THRESHOLD = 3.0;
    static final int MIN_LENGTH = 8;

    private Entropy() {
    }

    /** Bits per character of the character distribution of {@code s} (0 for the empty string). */
    public static double shannon(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int n = s.codePointCount(0, s.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / n;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /**
     * Whether {@code s} looks generated rather than written by a person: at least
     * {@value #MIN_LENGTH} characters, not a run of lower-case letters (a word or a phrase), and
     * with enough entropy for its alphabet.
     */
    public static boolean looksRandom(String s) {
        if (s.length() < MIN_LENGTH || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (s.matches("[0-9a-fA-F]+")) {
            return s.length() >= 16 && s.chars().anyMatch(Character::isDigit) && shannon(s) >= HEX_THRESHOLD;
        }
        // Separators join words ("lambda-authorizer-logging"); they add no randomness.
        int classes = characterClasses(s.replaceAll("[-_.]", ""));
        if (classes < 2) {
            // Letters of one case only: words ("mysupersecret"), unless long and very varied.
            return s.length() >= 20 && shannon(s) >= 4.0;
        }
        return shannon(s) >= MIXED_THRESHOLD;
    }

    /** How many of lower-case, upper-case, digit and other characters occur in {@code s}. */
    public static int characterClasses(String s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
