package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitLab's SAST report on real fixtures, validated against GitLab's published schema. */
class GitlabSastReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES =
            Path.of(System.getProperty("cfnsecrets.repo"), "fixtures").toAbsolutePath().normalize();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-05-04T03:02:01.500Z"), ZoneOffset.UTC);

    @TempDir Path temp;

    private static String gitlab(ScanResult result) {
        return ReportFixtures.render(new GitlabSastReporter(new Redactor(false), CLOCK), result);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    @Test
    void findingsOfARealFixtureAreVulnerabilitiesWithRuleFileAndLine() throws Exception {
        Path lambda = FIXTURES.resolve("cfs1xx/cfs101-credential-in-env/lambda.yaml");
        String report = gitlab(ReportFixtures.scan(lambda));

        assertThat(GitlabSastSchema.violations(report)).isEmpty();
        JsonNode root = JSON.readTree(report);
        assertThat(root.path("version").asText()).isEqualTo("15.0.7");
        JsonNode scan = root.path("scan");
        assertThat(scan.path("type").asText()).isEqualTo("sast");
        assertThat(scan.path("status").asText()).isEqualTo("success");
        assertThat(scan.path("start_time").asText()).isEqualTo("2026-05-04T03:02:01");
        assertThat(scan.path("analyzer").path("id").asText()).isEqualTo("cfn-secrets");
        JsonNode token = root.path("vulnerabilities").get(0);
        assertThat(token.path("identifiers").get(0).path("type").asText())
                .isEqualTo("cfn_secrets_rule_id");
        assertThat(token.path("identifiers").get(0).path("value").asText()).isEqualTo("CFS101");
        assertThat(list(token.path("identifiers")))
                .anySatisfy(id -> assertThat(id.path("name").asText()).isEqualTo("CWE-798"));
        assertThat(token.path("location").path("file").asText()).isEqualTo(lambda.toString());
        assertThat(token.path("location").path("start_line").asInt()).isEqualTo(18);
        assertThat(token.path("description").asText()).contains("GitHub token");
        assertThat(token.has("cve")).isFalse();
        assertThat(report).doesNotContain("ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI");
    }

    @Test
    void everyFixtureIsValidAndEveryUnsuppressedFindingListedWithItsOwnId() throws Exception {
        ScanResult result = ReportFixtures.scan(FIXTURES);
        String report = gitlab(result);

        assertThat(GitlabSastSchema.violations(report)).isEmpty();
        List<JsonNode> vulnerabilities = list(JSON.readTree(report).path("vulnerabilities"));
        long unsuppressed = result.findings().stream().filter(f -> !f.isSuppressed()).count();
        assertThat(vulnerabilities).hasSize((int) unsuppressed);
        assertThat(vulnerabilities.stream().map(v -> v.path("id").asText()).distinct())
                .hasSize(vulnerabilities.size());
    }

    @Test
    void theSameScanGivesTheSameIds() {
        Path lambda = FIXTURES.resolve("cfs1xx/cfs101-credential-in-env/lambda.yaml");
        assertThat(gitlab(ReportFixtures.scan(lambda)))
                .isEqualTo(gitlab(ReportFixtures.scan(lambda)));
    }

    @Test
    void hostileMessagesStayValidJson() throws Exception {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        String file = "evil\u0001\"}.yaml";
        String message = "bad \"}], \u0000\u001b[31m <script> ]]> \u202e";
        Finding finding =
                ReportFixtures.bareFinding(
                        "CFS101", Level.ERROR, message, file, new Span(2, 1, 3, 5));
        ScanResult result = ReportFixtures.inOneFile(catalog, finding, "a: b\nc: d\n");

        String report = gitlab(result);

        assertThat(GitlabSastSchema.violations(report)).isEmpty();
        JsonNode vulnerability = JSON.readTree(report).path("vulnerabilities").get(0);
        assertThat(vulnerability.path("description").asText()).isEqualTo(message);
        assertThat(vulnerability.path("location").path("file").asText()).isEqualTo(file);
        assertThat(vulnerability.path("location").path("end_line").asInt()).isEqualTo(3);
    }

    @Test
    void severityFollowsTheSecuritySeverityElseTheLevel() throws Exception {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        // The test catalog's CFS101 has security-severity 9.5.
        Finding rated =
                ReportFixtures.bareFinding(
                        "CFS101", Level.ERROR, "m", "t.yaml", new Span(1, 1, 1, 2));
        assertThat(GitlabSastReporter.severity(rated, catalog.find("CFS101")))
                .isEqualTo("Critical");
        Finding lower =
                new Finding(
                        "CFS101",
                        Level.ERROR,
                        "m",
                        "t.yaml",
                        new Span(1, 1, 1, 2),
                        null,
                        "",
                        null,
                        List.of(),
                        List.of(),
                        "v",
                        Optional.of(5.0),
                        Optional.empty(),
                        Optional.empty());
        assertThat(GitlabSastReporter.severity(lower, catalog.find("CFS101"))).isEqualTo("Medium");
        assertThat(GitlabSastReporter.severity(rated, Optional.empty())).isEqualTo("Medium");
        Finding note =
                ReportFixtures.bareFinding(
                        "CFS999", Level.NOTE, "m", "t.yaml", new Span(1, 1, 1, 2));
        assertThat(GitlabSastReporter.severity(note, Optional.empty())).isEqualTo("Info");
    }

    @Test
    void theSchemaRejectsWhatItShould() {
        // The validator is live: a vulnerability without identifiers is refused.
        String invalid =
                "{\"version\":\"15.0.7\",\"scan\":{},\"vulnerabilities\":[{\"id\":\"x\","
                        + "\"location\":{}}]}";
        assertThat(GitlabSastSchema.violations(invalid)).isNotEmpty();
        assertThat(String.join("\n", GitlabSastSchema.violations(invalid))).contains("identifiers");
    }
}
