package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReporterTest {
    @TempDir Path temp;

    private static String text(ScanResult result) {
        return ReportFixtures.render(new TextReporter(false, new Redactor(false)), result);
    }

    @Test
    void realScanShowsLocationLineCaretAndSummary() throws IOException {
        Path bad = ReportFixtures.writeMalformed(temp.resolve("bad.yaml"));
        Files.writeString(temp.resolve("package.json"), "{\"name\": \"not a template\"}");
        ScanResult result = ReportFixtures.scan(temp);

        String[] lines = text(result).split("\n", -1);

        assertThat(lines[0])
                .startsWith(bad + ":3:1: error CFS001 " + bad + ": duplicate key 'Resources'");
        assertThat(lines[1]).isEqualTo("  3 | Resources: {}");
        assertThat(lines[2]).isEqualTo("    | ^");
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4])
                .isEqualTo(
                        "cfn-secrets: 1 file scanned, 1 skipped: 1 error, 0 warnings, 0 notes, 0 suppressed");
        assertThat(lines).hasSize(6);
    }

    @Test
    void caretsSpanTheRedactedValue() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        String out =
                text(
                        ReportFixtures.handBuilt(
                                catalog,
                                ReportFixtures.tokenFinding(),
                                ReportFixtures.keyFinding()));

        assertThat(out)
                .isEqualTo(
                        String.join(
                                "\n",
                                "app/template.yaml:10:25: error CFS101 GITHUB_TOKEN holds a GitHub token (ghp_…(40 chars)); "
                                        + "pass a secret name and read it at runtime.",
                                "  10 |           GITHUB_TOKEN: ghp_…(40 chars)",
                                "     |                         ^^^^^^^^^^^^^^^",
                                "    construct: App/Stack/Fn/Resource",
                                "    related: app/template.yaml:2:3: the value ghp_…(40 chars) is also here",
                                "    fix: replace ghp_…(40 chars) with a dynamic reference",
                                "",
                                "app/template.yaml:11:23: warning CFS101 DEPLOY_KEY holds an AWS access key id AKIA…(20 chars).",
                                "  11 |           DEPLOY_KEY: AKIA…(20 chars)",
                                "     |                       ^^^^^^^^^^^^^^^",
                                "",
                                "cfn-secrets: 3 files scanned, 1 skipped: 1 error, 1 warning, 0 notes, 0 suppressed",
                                ""));
    }

    @Test
    void suppressedFindingsAreOnlyCounted() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        String out = text(ReportFixtures.handBuilt(catalog, ReportFixtures.suppressedFinding()));

        assertThat(out)
                .doesNotContain("CFS108")
                .doesNotContain("NoEcho")
                .isEqualTo(
                        "cfn-secrets: 3 files scanned, 1 skipped: 0 errors, 0 warnings, 0 notes, 1 suppressed\n");
    }

    @Test
    void colourOnlyWhenAskedFor() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        ScanResult result = ReportFixtures.handBuilt(catalog, ReportFixtures.keyFinding());

        String plain = text(result);
        String coloured =
                ReportFixtures.render(new TextReporter(true, new Redactor(false)), result);

        assertThat(plain).doesNotContain("\u001b[");
        assertThat(coloured).contains("\u001b[1m\u001b[33mwarning\u001b[0m").contains("\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void longLinesAreCutAroundTheFinding() throws IOException {
        String line =
                "{\"Resources\":{"
                        + "\"Pad\":\"x\",".repeat(40)
                        + "\"Key\":\""
                        + ReportFixtures.AWS_KEY_ID
                        + "\""
                        + ",\"More\":1".repeat(40)
                        + "}}";
        int column = line.indexOf(ReportFixtures.AWS_KEY_ID) + 1;
        Finding finding =
                new Finding(
                        "CFS101",
                        Level.ERROR,
                        "key",
                        "min.json",
                        new Span(1, column, 1, column + ReportFixtures.AWS_KEY_ID.length()),
                        "Fn",
                        "Resources/Fn",
                        null,
                        List.of(),
                        List.of(ReportFixtures.AWS_KEY_ID),
                        "v",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        Catalog catalog = ReportFixtures.testCatalog(temp);
        ScanResult result =
                new ScanResult(
                        List.of(finding),
                        Map.of("min.json", new SourceFile("min.json", line)),
                        1,
                        0,
                        catalog);

        String[] lines = text(result).split("\n");

        String snippet = lines[1].substring("  1 | ".length());
        assertThat(snippet).startsWith("…").endsWith("…").contains("\"Key\":\"AKIA…(20 chars)\"");
        assertThat(snippet.length()).isEqualTo(TextReporter.MAX_SNIPPET + 2);
        String carets = lines[2].substring("  1 | ".length());
        assertThat(carets.indexOf('^')).isEqualTo(snippet.indexOf("AKIA"));
        assertThat(carets.strip()).isEqualTo("^".repeat("AKIA…(20 chars)".length()));
    }

    @Test
    void controlCharactersFromTheTemplateCannotReachTheTerminal() throws IOException {
        String source = "Key: \"\u001b[2J\u202eevil\"\n";
        Finding finding =
                ReportFixtures.bareFinding(
                        "CFS101",
                        Level.NOTE,
                        "odd value \u001b[31mred\nnext",
                        "t.yaml",
                        new Span(1, 6, 1, 15));
        Catalog catalog = ReportFixtures.testCatalog(temp);
        ScanResult result = ReportFixtures.inOneFile(catalog, finding, source);

        String out = text(result);

        assertThat(out).doesNotContain("\u001b").doesNotContain("\u202e");
        // Escaped visibly, and the carets under the whole escaped region.
        assertThat(out)
                .contains("odd value \\u001b[31mred\\nnext")
                .contains(
                        "  1 | Key: \"\\u001b[2J\\u202eevil\"\n    |      "
                                + "^".repeat(19)
                                + "\n");
    }

    @Test
    void tabsInTheSourceKeepTheCaretsAligned() throws IOException {
        String source = "\tKey:\tvalue\n";
        Finding finding =
                ReportFixtures.bareFinding(
                        "CFS101", Level.NOTE, "m", "t.yaml", new Span(1, 7, 1, 12));
        Catalog catalog = ReportFixtures.testCatalog(temp);
        ScanResult result = ReportFixtures.inOneFile(catalog, finding, source);

        assertThat(text(result)).contains("  1 | \tKey:\tvalue\n    | \t    \t^^^^^\n");
    }
}
