package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SARIF against the OASIS SARIF 2.1.0 schema. */
class SarifSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    @Test
    void scanOfAllFixturesIsValidSarif() {
        Path fixtures = Path.of(System.getProperty("cfnsecrets.repo"), "fixtures");
        ScanResult result = ReportFixtures.scan(fixtures);
        assertThat(result.findings()).as("the fixtures hold at least one finding").isNotEmpty();

        String sarif =
                ReportFixtures.render(
                        new SarifReporter(new Redactor(false), SarifContext.ofWorkingDirectory()),
                        result);

        assertThat(SarifSchema.violations(sarif)).isEmpty();
    }

    @Test
    void everyOptionalPartIsValidSarif() throws IOException {
        var catalog = ReportFixtures.testCatalog(temp);
        ScanResult result =
                ReportFixtures.handBuilt(
                        catalog,
                        ReportFixtures.tokenFinding(),
                        ReportFixtures.keyFinding(),
                        ReportFixtures.suppressedFinding());
        String sarif =
                ReportFixtures.render(
                        new SarifReporter(new Redactor(false), SarifContext.ofWorkingDirectory()),
                        result);
        assertThat(sarif)
                .contains(
                        "relatedLocations",
                        "fixes",
                        "suppressions",
                        "logicalLocations",
                        "security-severity");

        assertThat(SarifSchema.violations(sarif)).isEmpty();
    }

    @Test
    void theValidationRejectsABrokenDocument() throws IOException {
        ScanResult result =
                ReportFixtures.scan(ReportFixtures.writeMalformed(temp.resolve("bad.yaml")));
        JsonNode log =
                JSON.readTree(
                        ReportFixtures.render(
                                new SarifReporter(
                                        new Redactor(false), SarifContext.ofWorkingDirectory()),
                                result));
        ObjectNode region =
                (ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/region");
        region.put("startLine", 0);
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");

        assertThat(SarifSchema.violations(JSON.writeValueAsString(log)))
                .hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(v -> assertThat(v).contains("startLine"))
                .anySatisfy(v -> assertThat(v).contains("level"));
    }
}
