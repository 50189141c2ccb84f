package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Text that counts how often its characters are read: the work a matcher does on it, asserted
 * instead of wall time (a matcher that backtracks super-linearly reads thousands of times per
 * character).
 */
public final class CountedText implements CharSequence {
    private final String text;
    private long reads;

    public CountedText(String text) {
        this.text = text;
    }

    /**
     * Runs {@code check} on the hostile text built for two sizes and asserts the reads stay within
     * {@code perCharacter} times the length for both.
     */
    public static void assertLinear(
            IntFunction<String> hostile,
            Predicate<CharSequence> check,
            boolean expected,
            int perCharacter) {
        for (int n : new int[] {5_000, 20_000}) {
            CountedText text = new CountedText(hostile.apply(n));
            assertThat(check.test(text)).isEqualTo(expected);
            assertThat(text.reads)
                    .as("reads of %d characters", text.length())
                    .isLessThanOrEqualTo((long) perCharacter * text.length());
        }
    }

    public long reads() {
        return reads;
    }

    @Override
    public char charAt(int index) {
        reads++;
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
