package dev.cfnsecrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineTest {
    @TempDir
    Path dir;

    @Test
    void writesSortedUniqueFingerprintsAndReadsThemBack() throws IOException {
        Path file = dir.resolve("baseline.json");

        Baseline.write(file, List.of("bb", "aa", "bb"));

        assertThat(Files.readString(file).replaceAll("\\s", "")).isEqualTo("{\"version\":1,\"fingerprints\":[\"aa\",\"bb\"]}");
        assertThat(Baseline.read(file)).containsExactly("aa", "bb");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "{\"fingerprints\": []}",
        "{\"version\": 2, \"fingerprints\": []}",
        "{\"version\": \"1\", \"fingerprints\": []}",
    })
    void rejectsFilesThatAreNotBaselines(String text) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, text);

        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": not a baseline file (expected {\"version\": 1, \"fingerprints\": [...]})");
    }

    @Test
    void rejectsFingerprintsThatAreNotStrings() throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"version\": 1, \"fingerprints\": [1, 2]}");

        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": 'fingerprints' must be a list of strings");
    }

    @Test
    void rejectsInvalidJson() throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"version\": 1,");

        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": not a baseline file (invalid JSON: ");
    }
}
