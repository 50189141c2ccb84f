package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The 2,200 real templates of the shared corpus: every one is read, and CFS001 appears exactly on
 * the files cfn-lint also refuses (E0000, duplicate keys), listed in realworld-unparseable.txt.
 * Skipped where the corpus is not checked out next to the repository.
 */
class RealWorldCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("cfnsecrets.repo", ".."))
            .resolve("../shared/corpus/realworld").toAbsolutePath().normalize();

    @Test
    void cfs001OnlyWhereCfnLintAlsoFailsToParse() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present at " + CORPUS);
        ScanResult result = BuiltInRules.scanner(ScanOptions.DEFAULT.withRules(List.of("CFS001"), List.of()))
                .scan(List.of(CORPUS.toString()), InputStream::nullInputStream);

        TreeSet<String> unreadable = new TreeSet<>();
        for (Finding f : result.findings()) {
            unreadable.add(CORPUS.relativize(Path.of(f.file()).toAbsolutePath().normalize()).toString());
        }
        TreeSet<String> expected = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/realworld-unparseable.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(expected::add);
        }
        assertThat(unreadable).isEqualTo(expected);
        assertThat(result.filesScanned()).isEqualTo(2200);
    }
}
