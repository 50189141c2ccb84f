package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every format a finding of a CDK app is read in shows where it lies in the app: a real scan of the
 * fixture app's assembly synthesised without path metadata (so the construct paths come from its
 * metadata), with the nested stack's CFS111, and of a small hand-made assembly whose findings are
 * on a Parameter and an Output.
 */
class CdkReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "Prod/Api/Database/Orders/Resource";

    private static ScanResult scan() {
        try {
            Path handMade =
                    Path.of(CdkReportsTest.class.getResource("/cdk-assembly/manifest.json").toURI())
                            .getParent();
            return ReportFixtures.scan(
                    Fixtures.root().resolve(Fixtures.CDK_APP).resolve("cdk.out-no-path-metadata"),
                    handMade);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textShowsTheConstructPathUnderTheFindingsLine() {
        String text = ReportFixtures.render(new TextReporter(false, new Redactor(false)), scan());
        assertThat(text)
                .containsPattern(
                        "error CFS111 Property MasterUserPassword [^\\n]*\\n.*\\n.*\\n"
                                + "    construct: "
                                + ORDERS
                                + "\\n")
                .contains("warning CFS108 Parameter AdminPassword")
                .contains("    construct: Shop/Db/AdminPassword\n")
                .contains("    construct: Shop/Db/DeployToken\n");
    }

    @Test
    void githubAnnotationsEndWithTheConstructPath() {
        String github = ReportFixtures.render(new GithubReporter(new Redactor(false)), scan());
        assertThat(github.lines().filter(l -> l.startsWith("::")))
                .hasSize(8)
                .allSatisfy(l -> assertThat(l).containsPattern("%0Aconstruct: [A-Za-z]"))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .contains("title=CFS111")
                                        .endsWith("%0Aconstruct: " + ORDERS));
    }

    @Test
    void jsonHasTheConstructPathAndTheStack() throws IOException {
        JsonNode findings =
                JSON.readTree(ReportFixtures.render(new JsonReporter(new Redactor(false)), scan()))
                        .path("findings");
        assertThat(findings).hasSize(8);
        JsonNode orders = finding(findings, "ruleId", "CFS111");
        assertThat(orders.path("cdkPath").asText()).isEqualTo(ORDERS);
        assertThat(orders.path("cdkStack").asText()).isEqualTo("Prod/Api/Database");
        JsonNode output = finding(findings, "ruleId", "CFS107");
        assertThat(output.path("cdkPath").asText()).isEqualTo("Shop/Db/DeployToken");
        assertThat(output.path("cdkStack").asText()).isEqualTo("Shop/Db");
    }

    @Test
    void sarifHasTheConstructAndTheStackAsLogicalLocations() throws IOException {
        String sarif =
                ReportFixtures.render(
                        new SarifReporter(new Redactor(false), SarifContext.ofWorkingDirectory()),
                        scan());
        assertThat(SarifSchema.violations(sarif)).isEmpty();
        JsonNode results = JSON.readTree(sarif).path("runs").path(0).path("results");
        JsonNode orders = finding(results, "ruleId", "CFS111");
        assertThat(orders.path("locations").path(0).path("logicalLocations").toString())
                .isEqualTo(
                        "[{\"name\":\"OrdersA9B65338\",\"fullyQualifiedName\":"
                                + "\"Resources/OrdersA9B65338/Properties/MasterUserPassword\","
                                + "\"kind\":\"resource\"},"
                                + "{\"name\":\""
                                + ORDERS
                                + "\",\"fullyQualifiedName\":\""
                                + ORDERS
                                + "\",\"kind\":\"module\"},"
                                + "{\"name\":\"Prod/Api/Database\","
                                + "\"fullyQualifiedName\":\"Prod/Api/Database\","
                                + "\"kind\":\"namespace\"}]");
    }

    private static JsonNode finding(JsonNode findings, String key, String value) {
        return StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> f.path(key).asText().equals(value))
                .findFirst()
                .orElseThrow();
    }
}
