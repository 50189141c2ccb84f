package dev.cfnsecrets.secrets;

import java.util.HashMap;
import java.util.Map;

/**
 * Shannon entropy, used only together with a secret name (entropy only with context, as gitleaks
 * and detect-secrets use it). Alone it cannot tell a password from a word; behind a name such as
 * {@code API_TOKEN} it tells a generated token ({@code 9fQ2xLk0vR7pZ3mN}) from a word or mode
 * ({@code cognito}, {@code Standard}).
 *
 * <p>Thresholds, measured when the rule was written: 500 random strings per alphabet and length
 * score at or above 3.0 bits per character in 94–100 % of cases at 12 characters and 100 % from 16
 * (hex needs 16 characters to reach 3.0 in 84–88 % of draws). Written values that are not exempt by
 * {@link NotASecret} and are 20+ characters long — keyboard-mashed keys such as {@code
 * akdfaksdfjkasdfjskafjdkfajsdfk345} (2.9 bits) — score lower, so long values use 2.5. Single words
 * ({@code Standard}, {@code production}) are never random.
 */
public final class Entropy {
    /** Hex strings: 16 random hex digits average ~3.7 bits, so 3.0 keeps even unlucky draws. */
    static final double HEX_THRESHOLD = 3.0;

    /** Mixed alphabets, fewer than 20 characters. */
    static final double MIXED_THRESHOLD = 3.0;

    /** Mixed alphabets, 20 characters or more. */
    static final double LONG_THRESHOLD = 2.5;

    static final int LONG = 20;
    public static final int MIN_LENGTH = 8;

    private Entropy() {}

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
     * Whether {@code s} looks generated rather than written by a person: at least {@value
     * #MIN_LENGTH} characters, not a single word, and with enough entropy for its alphabet and
     * length.
     */
    public static boolean looksRandom(String s) {
        if (s.length() < MIN_LENGTH || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (s.matches("[0-9a-fA-F]+")) {
            return s.length() >= 16
                    && s.chars().anyMatch(Character::isDigit)
                    && shannon(s) >= HEX_THRESHOLD;
        }
        // Separators join words ("lambda-authorizer-logging"); they add no randomness.
        String joined = s.replaceAll("[-_.]", "");
        if (joined.matches("[A-Z]?[a-z]+|[A-Z]+")) {
            // One word ("Standard", "mysupersecret"), unless long and very varied.
            return s.length() >= LONG && shannon(s) >= 4.0;
        }
        if (joined.matches("([A-Z]?[a-z]+|[A-Z]+)\\d{1,4}") && s.length() < LONG) {
            // A numbered word ("Authorizer2", "helloworld1099").
            return false;
        }
        return shannon(s) >= (s.length() >= LONG ? LONG_THRESHOLD : MIXED_THRESHOLD);
    }

    /**
     * Whether {@code s}, of at least {@link #MIN_LENGTH} characters without blanks, has upper-case
     * letters, lower-case letters and digits ({@code Summer2024Sales}): what password and key
     * policies ask for, so behind a secret name it is taken for a chosen secret, not a name.
     */
    public static boolean mixesCaseAndDigits(String s) {
        if (s.length() < MIN_LENGTH || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        return s.chars().anyMatch(Character::isUpperCase)
                && s.chars().anyMatch(Character::isLowerCase)
                && s.chars().anyMatch(Character::isDigit);
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
