package dev.cfnsecrets.rules.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A shown line is attacker-written: reading it for secret-named pairs must take linear work. */
class LineSecretsWorkTest {
    /** A line that counts how often it is read. */
    private static final class CountingLine implements CharSequence {
        private final String text;
        private long reads;

        CountingLine(String text) {
            this.text = text;
        }

        public int length() {
            return text.length();
        }

        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        public String toString() {
            return text;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4_000, 40_000})
    void aLongLineIsReadInLinearWork(int length) {
        String spaces = " ".repeat(length);
        for (String line :
                new String[] {
                    spaces,
                    "DB_PASSWORD: " + spaces + "x" + spaces + ",",
                    "{" + "\"password\":\"".repeat(length / 12) + spaces,
                    "a: ".repeat(length / 3),
                    "- PASSWORD:" + spaces + ":" + spaces + "# c",
                    "{PASSWORD: a, ".repeat(length / 14)
                }) {
            CountingLine counted = new CountingLine(line);
            LineSecrets.secretNamedPairs(counted);
            assertThat(counted.reads)
                    .as("reads of a %d-character line", line.length())
                    .isLessThanOrEqualTo(6L * line.length());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "  DB_PASSWORD: abc,def  # note",
                "{\"x\":1,\"DB_PASSWORD\":\"abc,def\"}",
                "- DB_PASSWORD: 'abc,def',"
            })
    void findsTheValueBehindASecretName(String line) {
        assertThat(LineSecrets.secretNamedPairs(line))
                .extracting(LineSecrets.Pair::value)
                .contains("abc,def");
    }
}
