package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cfnsecrets.BuiltInRules;
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
 * The secret rules over the 2,200 real templates of the shared corpus report exactly the findings
 * reviewed by hand and recorded in realworld-cfs1.txt (cfn-lint's snapshot idea): precision is won
 * or lost there, so every change in it is a diff to review. Skipped where the corpus is absent.
 */
class RealWorldSecretsSnapshotTest {
    private static final Path CORPUS = Path.of(System.getProperty("cfnsecrets.repo", ".."))
            .resolve("../shared/corpus/realworld").toAbsolutePath().normalize();

    @Test
    void reportsExactlyTheReviewedFindings() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present at " + CORPUS);
        ScanResult result = BuiltInRules.scanner(ScanOptions.DEFAULT.withRules(List.of("CFS1"), List.of()))
                .scan(List.of(CORPUS.toString()), InputStream::nullInputStream);
        TreeSet<String> actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            String file = CORPUS.relativize(Path.of(f.file()).toAbsolutePath().normalize()).toString().replace('\\', '/');
            actual.add(file + ":" + f.span().startLine() + " " + f.ruleId());
        }
        TreeSet<String> reviewed = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/realworld-cfs1.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(reviewed::add);
        }
        assertThat(actual).isEqualTo(reviewed);
    }
}
