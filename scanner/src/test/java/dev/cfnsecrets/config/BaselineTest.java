package dev.cfnsecrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineTest {
    @TempDir Path dir;

    @Test
    void readsTheFingerprintsOfEachFinding() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("baseline.json"),
                        """
                        {"version": 2, "findings": [
                          {"rule": "CFS101", "file": "a.yaml", "fingerprint": "bb"},
                          {"rule": "CFS102", "file": "b.yaml", "fingerprint": "aa"}]}
                        """);

        assertThat(Baseline.read(file)).containsExactly("bb", "aa");
    }

    /** Baselines written before entries described their findings keep working. */
    @Test
    void readsVersionOneFingerprints() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("baseline.json"),
                        "{\"version\": 1, \"fingerprints\": [\"aa\", \"bb\"]}");

        assertThat(Baseline.read(file)).containsExactly("aa", "bb");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"fingerprints\": []}",
                "{\"version\": 3, \"findings\": []}",
                "{\"version\": \"1\", \"fingerprints\": []}",
            })
    void rejectsFilesThatAreNotBaselines(String text) throws IOException {
        assertThat(rejection(text))
                .isEqualTo(
                        "not a baseline file (expected {\"version\": 2, \"findings\": [...]} or"
                                + " {\"version\": 1, \"fingerprints\": [...]})");
    }

    @Test
    void rejectsFingerprintsThatAreNotStrings() throws IOException {
        assertThat(rejection("{\"version\": 1, \"fingerprints\": [1, 2]}"))
                .isEqualTo("'fingerprints' must be a list of strings");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"version\": 2, \"fingerprints\": []}",
                "{\"version\": 2, \"findings\": [\"aa\"]}",
                "{\"version\": 2, \"findings\": [{\"rule\": \"CFS101\"}]}",
                "{\"version\": 2, \"findings\": [{\"fingerprint\": 1}]}",
            })
    void rejectsFindingsWithoutAFingerprint(String text) throws IOException {
        assertThat(rejection(text))
                .isEqualTo("'findings' must be a list of objects with a 'fingerprint' string");
    }

    @Test
    void rejectsInvalidJson() throws IOException {
        assertThat(rejection("{\"version\": 1,")).startsWith("not a baseline file (invalid JSON: ");
    }

    /**
     * What reading {@code text} as a baseline file reports: a configuration error naming the file,
     * then this.
     */
    private String rejection(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("baseline.json"), text);
        Throwable thrown = catchThrowable(() -> Baseline.read(file));
        assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageStartingWith(file + ": ");
        return thrown.getMessage().substring((file + ": ").length());
    }
}
