package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SARIF against the OASIS SARIF 2.1.0 schema (a copy in test resources: CI may lack the shared one). */
class SarifSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema sarifSchema;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema in test resources").isNotNull();
            sarifSchema = registry.getSchema(in);
        }
    }

    private static List<String> violations(String document) {
        return sarifSchema.validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void scanOfAllFixturesIsValidSarif() {
        Path fixtures = Path.of(System.getProperty("cfnsecrets.repo"), "fixtures");
        ScanResult result = ReportFixtures.scan(fixtures);
        assertThat(result.findings()).as("the fixtures hold at least one finding").isNotEmpty();

        String sarif = ReportFixtures.render(new SarifReporter(new Redactor(false)), result);

        assertThat(violations(sarif)).isEmpty();
    }

    @Test
    void everyOptionalPartIsValidSarif() throws IOException {
        var catalog = ReportFixtures.testCatalog(Files.createDirectory(temp.resolve("rules")));
        ScanResult result = ReportFixtures.handBuilt(catalog, List.of(
                ReportFixtures.tokenFinding(), ReportFixtures.keyFinding(), ReportFixtures.suppressedFinding()));
        String sarif = ReportFixtures.render(new SarifReporter(new Redactor(false)), result);
        assertThat(sarif).contains("relatedLocations", "fixes", "suppressions", "logicalLocations", "security-severity");

        assertThat(violations(sarif)).isEmpty();
    }

    @Test
    void theValidationRejectsABrokenDocument() throws IOException {
        ScanResult result = ReportFixtures.scan(ReportFixtures.writeMalformed(temp.resolve("bad.yaml")));
        JsonNode log = JSON.readTree(ReportFixtures.render(new SarifReporter(new Redactor(false)), result));
        ObjectNode region = (ObjectNode) log.path("runs").path(0).path("results").path(0).path("locations").path(0)
                .path("physicalLocation").path("region");
        region.put("startLine", 0);
        ((ObjectNode) log.path("runs").path(0).path("results").path(0)).put("level", "fatal");

        assertThat(violations(JSON.writeValueAsString(log)))
                .hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(v -> assertThat(v).contains("startLine"))
                .anySatisfy(v -> assertThat(v).contains("level"));
    }
}
