package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GitHub code scanning documents about the SARIF it reads
 * (docs/facts.md#github-code-scanning), on hand-built results: the limits it accepts, links in
 * messages, correctness rules, long rule descriptions, the exit status and the source root.
 */
class SarifForCodeScanningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "app/template.yaml";

    @TempDir Path temp;

    private static JsonNode run(ScanResult result, SarifContext context) throws IOException {
        return JSON.readTree(
                        ReportFixtures.render(
                                new SarifReporter(new Redactor(false), context), result))
                .path("runs")
                .path(0);
    }

    private static JsonNode run(ScanResult result) throws IOException {
        return run(result, SarifContext.ofWorkingDirectory());
    }

    private static ScanResult of(Catalog catalog, List<Finding> findings) {
        return new ScanResult(findings, Map.of(), 1, 0, catalog);
    }

    private static Finding note(int line) {
        return ReportFixtures.bareFinding(
                "CFS108", Level.NOTE, "note " + line, FILE, new Span(line, 1, line, 2));
    }

    @Test
    void leavesOutWhatCodeScanningWouldRejectAndSaysSo() throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int line = 1; line <= SarifLimits.MAX_RESULTS; line++) {
            findings.add(note(line));
        }
        findings.add(
                ReportFixtures.bareFinding(
                        "CFS101", Level.ERROR, "the error", FILE, new Span(9, 1, 9, 2)));
        JsonNode run = run(of(ReportFixtures.testCatalog(temp), findings));

        JsonNode results = run.path("results");
        assertThat(results.size()).isEqualTo(25_000);
        // The error is kept, in its place at the end; the last note makes room for it.
        assertThat(results.path(24_999).at("/message/text").asText()).isEqualTo("the error");
        assertThat(results.path(24_998).at("/message/text").asText()).isEqualTo("note 24999");
        JsonNode notification = run.at("/invocations/0/toolExecutionNotifications/0");
        assertThat(notification.at("/descriptor/id").asText()).isEqualTo("results-capped");
        assertThat(notification.path("level").asText()).isEqualTo("warning");
        assertThat(notification.at("/message/text").asText())
                .startsWith("1 of 25001 findings are left out of this report");
    }

    @Test
    void linksEachRelatedLocationItKeeps() throws IOException {
        List<Location> related = new ArrayList<>();
        for (int line = 1; line <= 101; line++) {
            related.add(new Location(FILE, new Span(line, 1, line, 2), "grant " + line));
        }
        Finding finding =
                new Finding(
                        "CFS101",
                        Level.ERROR,
                        "Statement[0] grants it (all of it).",
                        FILE,
                        new Span(1, 1, 1, 2),
                        null,
                        null,
                        null,
                        related,
                        List.of(),
                        "v",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        JsonNode run = run(of(ReportFixtures.testCatalog(temp), List.of(finding)));

        JsonNode result = run.path("results").path(0);
        assertThat(result.path("relatedLocations").size()).isEqualTo(100);
        assertThat(result.at("/relatedLocations/99/id").asInt()).isEqualTo(100);
        assertThat(result.at("/message/text").asText())
                .startsWith(
                        "Statement\\[0\\] grants it (all of it). Related: [grant 1](1), [grant 2](2),")
                .endsWith(", [grant 100](100).");
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/descriptor/id").asText())
                .isEqualTo("related-locations-capped");
    }

    @Test
    void escapesBracketsThatWouldReadAsLinks() {
        assertThat(SarifMessage.escape("a [b](1) c\\[d]")).isEqualTo("a \\[b\\](1) c\\\\\\[d\\]");
        assertThat(SarifMessage.withLinks("plain", List.of())).isEqualTo("plain");
    }

    /** A catalog of one rule whose "Why it matters" is {@code why}. */
    private Catalog oneRule(String id, Level level, String kindLines, String why)
            throws IOException {
        Path dir = Files.createDirectory(temp.resolve("rules"));
        String frontMatter =
                String.format(
                        "id: %s%nlevel: %s%nname: %s%nsummary: Rule %s.%ncwe: []%n%s",
                        id, level.sarifName(), id.toLowerCase(Locale.ROOT), id, kindLines);
        Files.writeString(
                dir.resolve(id + ".md"),
                "---\n" + frontMatter + "\n---\n## Why it matters\n\n" + why + "\n");
        return Catalog.fromDirectory(dir);
    }

    @Test
    void aCorrectnessRuleIsNoSecurityAlert() throws IOException {
        Catalog catalog =
                oneRule(
                        "CFS203",
                        Level.NOTE,
                        "kind: correctness\nprecision: medium",
                        "The deployment may fail.");
        JsonNode rule = run(of(catalog, List.of())).at("/tool/driver/rules/0");

        assertThat(rule.at("/properties/tags")).isEmpty();
        assertThat(rule.at("/properties/problem.severity").asText()).isEqualTo("recommendation");
        assertThat(rule.at("/properties/precision").asText()).isEqualTo("medium");
        assertThat(rule.path("properties").has("security-severity")).isFalse();
    }

    @Test
    void aLongWhyItMattersIsCutAtASentenceForTheFullDescription() throws IOException {
        String sentence = "This sentence is forty-nine characters long, yes. ";
        Catalog catalog =
                oneRule(
                        "CFS101",
                        Level.ERROR,
                        "kind: security\nsecurity-severity: 9.5\nprecision: high",
                        sentence.repeat(30).strip());
        JsonNode rule = run(of(catalog, List.of())).at("/tool/driver/rules/0");

        String full = rule.at("/fullDescription/text").asText();
        assertThat(full).hasSize(20 * sentence.length() - 1).endsWith("long, yes.");
        assertThat(rule.at("/help/text").asText()).contains(sentence.repeat(30).strip());
    }

    @Test
    void recordsTheExitStatusAndTheRepositoryAsSourceRoot() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("repo/.git")).getParent();
        Path templates = Files.createDirectories(repo.resolve("stacks"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Finding finding =
                ReportFixtures.bareFinding(
                        "CFS101",
                        Level.ERROR,
                        "m",
                        templates.resolve("a b.yaml").toString(),
                        new Span(1, 1, 1, 2));
        SarifContext context =
                new SarifContext(
                        elsewhere,
                        SourceRoot.of(List.of(templates), elsewhere, Optional.empty()),
                        Optional.of(1));
        JsonNode run = run(of(ReportFixtures.testCatalog(temp), List.of(finding)), context);

        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
                .isEqualTo(repo.toUri().toString());
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("stacks/a%20b.yaml");
        assertThat(run.at("/invocations/0/exitCode").asInt()).isEqualTo(1);
    }
}
