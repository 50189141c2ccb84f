package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never stops a scan: each broken fixture gives exactly one CFS001 naming its file and
 * line, and the other files of the same scan are still scanned. The timeouts guard against hangs;
 * speed itself is measured in BENCHMARKS.md, not asserted here.
 */
class BadInputTest {
    private static final Path BAD = Fixtures.root().resolve("cfs0xx/cfs001-template-unreadable");

    static Stream<String> badFixtures() {
        return Stream.of(
                "malformed.yaml",
                "malformed-json.json",
                "alias-bomb.yaml",
                "deep-nesting.yaml",
                "deep-nesting-json.json",
                "binary.template",
                "invalid-utf8.yaml",
                "duplicate-key.yaml",
                "duplicate-key-json.json",
                "unknown-tag.yaml");
    }

    private static ScanResult scan(Path... paths) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(Stream.of(paths).map(Path::toString).toList(), NoStdin::read);
    }

    @ParameterizedTest
    @MethodSource("badFixtures")
    @Timeout(30)
    void eachBadFileGivesOneUnreadableFindingWithItsLine(String name) {
        ScanResult result = scan(BAD.resolve(name));
        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.ruleId()).isEqualTo("CFS001");
        assertThat(f.file()).endsWith("cfs001-template-unreadable/" + name);
        assertThat(f.span().startLine()).isPositive();
        assertThat(f.message()).contains(name, "line " + f.span().startLine());
        Fixtures expected = Fixtures.read(Fixtures.root());
        assertThat(expected.expected)
                .contains(
                        new Fixtures.Mark(
                                "cfs0xx/cfs001-template-unreadable/" + name,
                                f.span().startLine(),
                                "CFS001"));
    }

    @Test
    @Timeout(60)
    void aFiftyMegabyteFileIsRefusedWithoutReadingItAndTheScanGoesOn(@TempDir Path dir)
            throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (Writer out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            out.write("AWSTemplateFormatVersion: '2010-09-09'\nDescription: padding\nMetadata:\n");
            String padding = "x".repeat(90);
            int lines = 50 * 1024 * 1024 / 100 + 1;
            for (int i = 0; i < lines; i++) {
                out.write("  k" + (1_000_000 + i) + ": '" + padding + "'\n");
            }
        }
        assertThat(Files.size(huge)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
        Files.copy(BAD.resolve("duplicate-key.yaml"), dir.resolve("other.yaml"));

        ScanResult result = scan(dir);
        assertThat(result.findings())
                .extracting(Finding::ruleId)
                .containsExactly("CFS001", "CFS001");
        Finding tooBig = result.findings().get(0);
        assertThat(tooBig.file()).endsWith("huge.yaml");
        assertThat(tooBig.span().startLine()).isEqualTo(1);
        assertThat(tooBig.message()).contains("over the limit of 10485760 bytes");
        assertThat(result.findings().get(1).file()).endsWith("other.yaml");
        assertThat(result.findings().get(1).span().startLine()).isEqualTo(7);
    }

    @Test
    void aScanOfEveryBadFileTogetherReportsEachOfThem() {
        ScanResult result = scan(BAD);
        List<String> files =
                result.findings().stream()
                        .filter(f -> f.ruleId().equals("CFS001"))
                        .map(f -> Path.of(f.file()).getFileName().toString())
                        .toList();
        // The duplicate-key fixtures that are scanned on and so have other findings too.
        Stream<String> scannedOn =
                Stream.of("duplicate-key-last-value.yaml", "duplicate-key-last-value-json.json");
        assertThat(files)
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(badFixtures(), scannedOn).toList());
        assertThat(result.filesScanned()).isGreaterThan(files.size());
    }
}
