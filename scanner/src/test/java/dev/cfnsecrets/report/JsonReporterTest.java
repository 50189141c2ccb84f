package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    private static JsonNode json(ScanResult result) throws IOException {
        return JSON.readTree(ReportFixtures.render(new JsonReporter(new Redactor(false)), result));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void realScanHasTheDocumentedShape() throws IOException {
        Path bad = ReportFixtures.writeMalformed(temp.resolve("bad.yaml"));
        ScanResult result = ReportFixtures.scan(bad);

        JsonNode report = json(result);

        assertThat(keys(report))
                .containsExactly("tool", "version", "summary", "findings", "configuration");
        assertThat(report.path("configuration").isArray() && report.path("configuration").isEmpty())
                .isTrue();
        assertThat(report.path("tool").asText()).isEqualTo("cfn-secrets");
        assertThat(report.path("version").asText()).isEqualTo(ToolInfo.version());
        assertThat(report.path("summary").toString())
                .isEqualTo(
                        "{\"filesScanned\":1,\"filesSkipped\":0,\"errors\":1,\"warnings\":0,\"notes\":0,\"suppressed\":0}");
        JsonNode finding = report.path("findings").path(0);
        assertThat(keys(finding))
                .containsExactly(
                        "ruleId",
                        "level",
                        "message",
                        "file",
                        "startLine",
                        "startColumn",
                        "endLine",
                        "endColumn",
                        "logicalId",
                        "propertyPath",
                        "cdkPath",
                        "cdkStack",
                        "fingerprint",
                        "related",
                        "fix",
                        "suppression",
                        "source");
        assertThat(finding.path("ruleId").asText()).isEqualTo("CFS001");
        assertThat(finding.path("level").asText()).isEqualTo("error");
        assertThat(finding.path("message").asText()).contains("duplicate key 'Resources'");
        assertThat(finding.path("file").asText()).isEqualTo(bad.toString());
        assertThat(
                        List.of(
                                finding.path("startLine").asInt(),
                                finding.path("startColumn").asInt(),
                                finding.path("endLine").asInt(),
                                finding.path("endColumn").asInt()))
                .containsExactly(3, 1, 3, 2);
        assertThat(finding.path("logicalId").isNull()).isTrue();
        assertThat(finding.path("propertyPath").isNull()).isTrue();
        assertThat(finding.path("cdkPath").isNull()).isTrue();
        assertThat(finding.path("cdkStack").isNull()).isTrue();
        assertThat(finding.path("fingerprint").asText())
                .isEqualTo(result.findings().get(0).fingerprint());
        assertThat(finding.path("related").isArray()).isTrue();
        assertThat(finding.path("related")).isEmpty();
        assertThat(finding.path("fix").isNull()).isTrue();
        assertThat(finding.path("suppression").isNull()).isTrue();
        assertThat(finding.path("source").isNull()).isTrue();
    }

    @Test
    void handBuiltFindingsCarryEveryField() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        JsonNode report =
                json(
                        ReportFixtures.handBuilt(
                                catalog,
                                ReportFixtures.tokenFinding(),
                                ReportFixtures.suppressedFinding()));

        assertThat(report.path("summary").toString())
                .isEqualTo(
                        "{\"filesScanned\":3,\"filesSkipped\":1,\"errors\":1,\"warnings\":0,\"notes\":0,\"suppressed\":1}");
        JsonNode token = report.path("findings").path(0);
        assertThat(token.path("message").asText())
                .isEqualTo(
                        "GITHUB_TOKEN holds a GitHub token (ghp_…(40 chars)); pass a secret name and read it at runtime.");
        assertThat(token.path("logicalId").asText()).isEqualTo("Fn");
        assertThat(token.path("propertyPath").asText())
                .isEqualTo("Resources/Fn/Properties/Environment/Variables/GITHUB_TOKEN");
        assertThat(token.path("cdkPath").asText()).isEqualTo("App/Stack/Fn/Resource");
        assertThat(token.path("related").toString())
                .isEqualTo(
                        "[{\"file\":\"app/template.yaml\",\"startLine\":2,"
                                + "\"startColumn\":3,\"endLine\":2,\"endColumn\":8,\"message\":\"the value ghp_…(40 chars) is also here\"}]");
        assertThat(token.path("fix").toString())
                .isEqualTo(
                        "{\"description\":\"replace ghp_…(40 chars) with a dynamic reference\","
                                + "\"replacements\":[{\"startLine\":10,\"startColumn\":25,\"endLine\":10,\"endColumn\":65,"
                                + "\"insertedContent\":\"'{{resolve:secretsmanager:gh-token}}'\"}]}");
        JsonNode suppressed = report.path("findings").path(1);
        assertThat(suppressed.path("suppression").toString())
                .isEqualTo(
                        "{\"kind\":\"inSource\",\"justification\":\"the token is a placeholder\"}");
        assertThat(suppressed.path("level").asText()).isEqualTo("warning");
    }
}
