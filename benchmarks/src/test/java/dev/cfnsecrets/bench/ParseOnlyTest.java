package dev.cfnsecrets.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yardstick reads the files a scan reads and composes every node of them. */
class ParseOnlyTest {
    @Test
    void composesEveryTemplateTheScannerWouldRead(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("template.yaml"), "Resources:\n  Fn: {Type: T, A: b}\n");
        Files.writeString(folder.resolve("other.json"), "{\"a\": [1, 2]}");
        Files.writeString(folder.resolve("broken.yml"), "a: [unclosed\n");
        Files.writeString(folder.resolve("notes.txt"), "not: read\n");

        ParseOnly.Pass pass = ParseOnly.over(List.of(folder));

        assertThat(pass.files()).isEqualTo(3);
        assertThat(pass.failed()).isEqualTo(1);
        // template.yaml: the root map, Resources, its map, Fn, its map, Type, T, A, b = 9;
        // other.json: the root map, a, the list, 1, 2 = 5.
        assertThat(pass.nodes()).isEqualTo(14);
    }
}
