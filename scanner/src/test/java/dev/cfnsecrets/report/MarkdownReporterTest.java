package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ConfigNotice;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown report: its table, what it escapes and its size cap. */
class MarkdownReporterTest {
    @TempDir Path temp;

    private static String markdown(ScanResult result) {
        return ReportFixtures.written(new MarkdownReporter(new Redactor(false)), result);
    }

    private static List<String> rows(String report) {
        return report.lines()
                .filter(
                        l ->
                                l.startsWith("| ")
                                        && !l.startsWith("| Level")
                                        && !l.startsWith("| ---"))
                .toList();
    }

    /** {@code count} CFS101 errors, the i-th on line i with the message {@code message(i)}. */
    private ScanResult numbered(int count, IntFunction<String> message) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            findings.add(
                    ReportFixtures.bareFinding(
                            "CFS101",
                            Level.ERROR,
                            message.apply(i),
                            ReportFixtures.TEMPLATE_PATH,
                            new Span(i, 1, i, 2)));
        }
        return ReportFixtures.handBuilt(
                ReportFixtures.testCatalog(temp), findings.toArray(Finding[]::new));
    }

    @Test
    void aRealScanGivesOneRowPerFinding() throws IOException {
        Path bad = ReportFixtures.writeMalformed(temp.resolve("bad.yaml"));

        String report = markdown(ReportFixtures.scan(bad));

        String file = MarkdownReporter.text(bad.toString());
        assertThat(report)
                .startsWith(
                        String.join(
                                "\n",
                                "### cfn-secrets",
                                "",
                                "cfn-secrets: 1 file scanned, 0 skipped: 1 error, 0 warnings, 0 notes, 0 suppressed",
                                "",
                                "| Level | Rule | File | Line | Message |",
                                "| --- | --- | --- | ---: | --- |",
                                "| error | CFS001 template-unreadable | "
                                        + file
                                        + " | 3 | "
                                        + file
                                        + "&#58; duplicate key 'Resources' (first defined on line 2)"))
                .endsWith(" |\n");
        assertThat(rows(report)).hasSize(1);
    }

    @Test
    void levelsRulesAndRedactedMessagesSuppressedFindingsOnlyCounted() throws IOException {
        String report = markdown(ReportFixtures.everyKind(ReportFixtures.testCatalog(temp)));

        assertThat(rows(report))
                .containsExactly(
                        "| error | CFS101 credential-in-env | app/template.yaml | 10 |"
                                + " GITHUB&#95;TOKEN holds a GitHub token (ghp&#95;…(40"
                                + " chars)); pass a secret name and read it at runtime. |",
                        "| warning | CFS101 credential-in-env | app/template.yaml | 11 |"
                                + " DEPLOY&#95;KEY holds an AWS access key id AKIA…(20 chars). |",
                        // A rule missing from the catalog is named by its id.
                        "| note | CFS106 | app/template.yaml | 4 | resolved into env |");
        assertThat(report).contains(", 1 suppressed\n").doesNotContain("NoEcho");
    }

    @Test
    void aScanWithoutFindingsHasNoTable() {
        ScanResult clean = new ScanResult(List.of(), Map.of(), 2, 0, Catalog.bundled());

        assertThat(markdown(clean))
                .isEqualTo(
                        "### cfn-secrets\n\ncfn-secrets: 2 files scanned, 0 skipped: 0 errors,"
                                + " 0 warnings, 0 notes, 0 suppressed\n\n");
    }

    @Test
    void settingsThatHideFindingsAreListedEscaped() {
        ConfigNotice excluded =
                new ConfigNotice(
                        ConfigNotice.Kind.PATHS_EXCLUDED,
                        "app/**",
                        1,
                        "exclude 'app/**': 1 file not scanned");
        ScanResult result =
                new ScanResult(
                        List.of(), Map.of(), 1, 0, Catalog.bundled(), List.of(excluded), List.of());

        assertThat(markdown(result))
                .contains(
                        "0 suppressed\n\n- Configuration: exclude 'app/&#42;&#42;'&#58; 1 file not"
                                + " scanned\n\n");
    }

    @Test
    void everyCharacterMarkdownOrHtmlReadsIsACharacterReference() {
        assertThat(MarkdownReporter.text("a|b`c<img src=x>[l](u) ![i](u) *e* _f_ ~~s~~ &amp; \\"))
                .isEqualTo(
                        "a&#124;b&#96;c&#60;img src=x&#62;&#91;l&#93;(u)"
                                + " &#33;&#91;i&#93;(u) &#42;e&#42; &#95;f&#95;"
                                + " &#126;&#126;s&#126;&#126; &#38;amp; &#92;");
        // Autolinks, emoji, math and headings need '.', ':', '$' or '#'.
        assertThat(MarkdownReporter.text("WWW.x.io https://x.io :smile: $x$ # h a@b.io"))
                .isEqualTo(
                        "WWW&#46;x.io https&#58;//x.io &#58;smile&#58; &#36;x&#36; &#35; h"
                                + " a&#64;b.io");
    }

    @Test
    void lineBreaksAndControlsInHostileNamesStayInTheirCell() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        String file = "a|b\n| x | y |\r\n<script>`\u202e.yaml";
        Finding hostile =
                ReportFixtures.bareFinding(
                        "CFS101",
                        Level.ERROR,
                        "Variable X\n\n| injected | row |\n![t](https://evil/t.png) is named like a password",
                        file,
                        new Span(1, 1, 1, 2));
        ScanResult result =
                new ScanResult(
                        List.of(hostile), Map.of(file, new SourceFile(file, "x\n")), 1, 0, catalog);

        List<String> rows = rows(markdown(result));

        assertThat(rows)
                .containsExactly(
                        "| error | CFS101 credential-in-env |"
                                + " a&#124;b&#92;n&#124; x &#124; y &#124;&#92;r&#92;n&#60;script&#62;&#96;&#92;u202e.yaml"
                                + " | 1 | Variable X&#92;n&#92;n&#124; injected &#124; row &#124;&#92;n"
                                + "&#33;&#91;t&#93;(https&#58;//evil/t.png) is named like a password |");
        // Five cells: only the report's own pipes are left.
        assertThat(rows.get(0).chars().filter(c -> c == '|').count()).isEqualTo(6);
    }

    @Test
    void rowsBeyondTheBudgetAreLeftOutAndCounted() throws IOException {
        ScanResult result = numbered(100, i -> "finding " + i + " " + "x".repeat(90));

        String report =
                ReportFixtures.written(new MarkdownReporter(new Redactor(false), 4096), result);

        List<String> rows = rows(report);
        assertThat(report.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(rows).hasSizeBetween(10, 99);
        assertThat(rows.get(rows.size() - 1)).contains("finding " + rows.size() + " x");
        assertThat(report)
                .endsWith(
                        "\n\n"
                                + (100 - rows.size())
                                + " more findings are not in this table, which stays within the"
                                + " 1 MiB GitHub takes of a step's summary; every finding is in the"
                                + " scan's other reports (SARIF, JSON, text).\n");
    }

    @Test
    void theDefaultBudgetKeepsTheReportUnderGithubsLimit() throws IOException {
        // Messages full of escaped characters: each takes five bytes in the report.
        String report = markdown(numbered(30, i -> "*".repeat(10_000)));

        assertThat(report.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(MarkdownReporter.GITHUB_SUMMARY_BUDGET)
                .isGreaterThan(MarkdownReporter.GITHUB_SUMMARY_BUDGET - 60_000);
        assertThat(rows(report)).hasSize(20);
        assertThat(report).contains("\n10 more findings are not in this table");
    }
}
