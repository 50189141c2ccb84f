package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    private static JsonNode sarif(ScanResult result) throws IOException {
        return JSON.readTree(
                ReportFixtures.render(
                        new SarifReporter(new Redactor(false), SarifContext.ofWorkingDirectory()),
                        result));
    }

    @Test
    void describesTheToolAndTheWholeCatalog() throws IOException {
        ScanResult result =
                ReportFixtures.scan(ReportFixtures.writeMalformed(temp.resolve("bad.yaml")));
        JsonNode log = sarif(result);

        assertThat(log.path("$schema").asText())
                .isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").path(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("cfn-secrets");
        assertThat(driver.path("version").asText())
                .isEqualTo(ToolInfo.version())
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(driver.path("informationUri").asText())
                .isEqualTo("https://github.com/cfn-secrets/cfn-secrets");
        List<String> ruleIds = new ArrayList<>();
        driver.path("rules").forEach(rule -> ruleIds.add(rule.path("id").asText()));
        assertThat(ruleIds)
                .isEqualTo(result.catalog().all().stream().map(RuleDescription::id).toList());
        assertThat(run.path("columnKind").asText()).isEqualTo("utf16CodeUnits");
        String cwd = Path.of("").toAbsolutePath().toUri().toString();
        assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText())
                .isEqualTo(cwd.endsWith("/") ? cwd : cwd + "/")
                .startsWith("file:/")
                .endsWith("/");
    }

    @Test
    void describesEachRuleForCodeScanning() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        JsonNode rules = sarif(ReportFixtures.handBuilt(catalog)).at("/runs/0/tool/driver/rules");

        assertThat(rules).hasSize(2);
        JsonNode rule = rules.path(0);
        assertThat(rule.path("id").asText()).isEqualTo("CFS101");
        assertThat(rule.path("name").asText()).isEqualTo("credential-in-env");
        assertThat(rule.path("shortDescription").path("text").asText())
                .isEqualTo("A credential of a known format in a function's environment.");
        assertThat(rule.path("fullDescription").path("text").asText())
                .isEqualTo(
                        "Anyone who can read the function configuration can read the credential.");
        assertThat(rule.path("help").path("markdown").asText())
                .startsWith("## Why it matters\n")
                .contains("```yaml");
        assertThat(rule.path("help").path("text").asText())
                .startsWith("Why it matters\n")
                .doesNotContain("```");
        assertThat(rule.path("helpUri").asText())
                .isEqualTo("https://github.com/cfn-secrets/cfn-secrets/blob/main/rules/CFS101.md");
        assertThat(rule.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        assertThat(rule.path("properties").path("tags").toString())
                .isEqualTo("[\"security\",\"external/cwe/cwe-798\",\"external/cwe/cwe-526\"]");
        assertThat(rule.path("properties").path("security-severity").isTextual()).isTrue();
        assertThat(rule.path("properties").path("security-severity").asText()).isEqualTo("9.5");
        // A warning-level rule still states its level (the SARIF library would drop a value equal
        // to the default).
        assertThat(rules.path(1).path("defaultConfiguration").path("level").asText())
                .isEqualTo("warning");
        assertThat(rules.path(1).path("properties").path("security-severity").asText())
                .isEqualTo("5.0");
    }

    @Test
    void resultOfARealScanPointsAtTheOffendingKey() throws IOException {
        // Under the working directory, so that the path is relative to %SRCROOT%; odd characters on
        // purpose.
        Path dir =
                Files.createTempDirectory(
                        Files.createDirectories(Path.of("target", "report-tests")), "sarif");
        Path file = ReportFixtures.writeMalformed(dir.resolve("my stack#1.yaml"));
        ScanResult result = ReportFixtures.scan(file);
        JsonNode results = sarif(result).path("runs").path(0).path("results");

        assertThat(results).hasSize(1);
        JsonNode r = results.path(0);
        assertThat(r.path("ruleId").asText()).isEqualTo("CFS001");
        assertThat(r.path("ruleIndex").asInt()).isEqualTo(0);
        assertThat(r.path("level").asText()).isEqualTo("error");
        assertThat(r.path("message").path("text").asText()).contains("duplicate key 'Resources'");
        JsonNode physical = r.path("locations").path(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText())
                .isEqualTo("target/report-tests/" + dir.getFileName() + "/my%20stack%231.yaml");
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText())
                .isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").toString())
                .isEqualTo("{\"startLine\":3,\"startColumn\":1,\"endLine\":3,\"endColumn\":2}");
        assertThat(physical.has("contextRegion")).isFalse();
        assertThat(physical.path("region").has("snippet")).isFalse();
        assertThat(r.has("logicalLocations")).isFalse();
        assertThat(r.path("partialFingerprints").path("cfnSecrets/v1").asText())
                .isEqualTo(result.findings().get(0).fingerprint());
    }

    @Test
    void absolutePathsBecomeFileUrisWithoutBase() throws IOException {
        ScanResult result =
                ReportFixtures.scan(ReportFixtures.writeMalformed(temp.resolve("bad.yaml")));
        JsonNode artifact =
                sarif(result).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");

        assertThat(artifact.path("uri").asText())
                .isEqualTo(temp.resolve("bad.yaml").toUri().toString());
        assertThat(artifact.has("uriBaseId")).isFalse();
    }

    @Test
    void carriesLogicalLocationsRelatedLocationsFixesAndSeverity() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        JsonNode results =
                sarif(
                                ReportFixtures.handBuilt(
                                        catalog,
                                        ReportFixtures.tokenFinding(),
                                        ReportFixtures.keyFinding()))
                        .path("runs")
                        .path(0)
                        .path("results");

        JsonNode token = results.path(0);
        assertThat(token.path("message").path("text").asText())
                .isEqualTo(
                        "GITHUB_TOKEN holds a GitHub token (ghp_…(40 chars)); pass a secret name and read it at runtime."
                                + " Related: [the value ghp_…(40 chars) is also here](1).");
        JsonNode logical = token.path("locations").path(0).path("logicalLocations");
        assertThat(logical.toString())
                .isEqualTo(
                        "[{\"name\":\"Fn\","
                                + "\"fullyQualifiedName\":\"Resources/Fn/Properties/Environment/Variables/GITHUB_TOKEN\",\"kind\":\"resource\"},"
                                + "{\"name\":\"App/Stack/Fn/Resource\",\"fullyQualifiedName\":\"App/Stack/Fn/Resource\",\"kind\":\"module\"}]");
        JsonNode related = token.path("relatedLocations").path(0);
        assertThat(related.path("id").asInt()).isEqualTo(1);
        assertThat(related.path("message").path("text").asText())
                .isEqualTo("the value ghp_…(40 chars) is also here");
        assertThat(related.path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(2);
        JsonNode fix = token.path("fixes").path(0);
        assertThat(fix.path("description").path("text").asText())
                .isEqualTo("replace ghp_…(40 chars) with a dynamic reference");
        JsonNode change = fix.path("artifactChanges").path(0);
        assertThat(change.path("artifactLocation").path("uri").asText())
                .isEqualTo("app/template.yaml");
        assertThat(change.at("/replacements/0/deletedRegion/startColumn").asInt()).isEqualTo(25);
        assertThat(change.at("/replacements/0/insertedContent/text").asText())
                .isEqualTo("'{{resolve:secretsmanager:gh-token}}'");
        assertThat(token.path("properties").path("security-severity").asText()).isEqualTo("9.8");
        assertThat(token.has("suppressions")).isFalse();

        JsonNode key = results.path(1);
        // A warning overrides the rule's default level "error", so it must be written although it
        // is SARIF's default.
        assertThat(key.path("level").asText()).isEqualTo("warning");
        assertThat(key.path("locations").path(0).path("logicalLocations")).hasSize(1);
        assertThat(key.has("properties")).isFalse();
        assertThat(key.has("relatedLocations")).isFalse();
        assertThat(key.has("fixes")).isFalse();
    }

    @Test
    void keepsSuppressedResultsWithTheirSuppression() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        JsonNode r =
                sarif(ReportFixtures.handBuilt(catalog, ReportFixtures.suppressedFinding()))
                        .at("/runs/0/results/0");

        assertThat(r.path("ruleIndex").asInt()).isEqualTo(1);
        assertThat(r.path("suppressions").toString())
                .isEqualTo(
                        "[{\"kind\":\"inSource\",\"status\":\"accepted\",\"justification\":\"the token is a placeholder\"}]");
    }

    @Test
    void externalSuppressionsSayExternal() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        var baselined =
                ReportFixtures.keyFinding()
                        .suppressed(
                                new dev.cfnsecrets.finding.Suppression(
                                        dev.cfnsecrets.finding.Suppression.Kind.EXTERNAL,
                                        "recorded in the baseline"));
        JsonNode r = sarif(ReportFixtures.handBuilt(catalog, baselined)).at("/runs/0/results/0");

        assertThat(r.path("suppressions").path(0).path("kind").asText()).isEqualTo("external");
        assertThat(r.path("suppressions").path(0).path("status").asText()).isEqualTo("accepted");
    }

    @Test
    void aRuleMissingFromTheCatalogIsStillDescribed() throws IOException {
        // e.g. a custom rule from the configuration: the rules array must hold every ruleIndex
        // target.
        Path empty = Files.createDirectory(temp.resolve("empty-catalog"));
        JsonNode run =
                sarif(
                                ReportFixtures.handBuilt(
                                        Catalog.fromDirectory(empty), ReportFixtures.keyFinding()))
                        .path("runs")
                        .path(0);

        assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("CFS101");
        assertThat(run.path("results").path(0).path("ruleIndex").asInt()).isEqualTo(0);
    }

    @Test
    void encodesRelativePathsAsUriReferences() {
        assertThat(SarifReporter.encodePath("cdk.out/My Stack.template.json"))
                .isEqualTo("cdk.out/My%20Stack.template.json");
        assertThat(SarifReporter.encodePath("a:b/100%/ü.yaml"))
                .isEqualTo("a%3Ab/100%25/%C3%BC.yaml");
        assertThat(SarifReporter.encodePath("q?x#y[1].yaml")).isEqualTo("q%3Fx%23y%5B1%5D.yaml");
    }
}
