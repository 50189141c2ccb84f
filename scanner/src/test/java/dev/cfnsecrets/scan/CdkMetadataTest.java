package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metadata of a cloud assembly, read on the committed assemblies of {@code fixtures/cdk-app}
 * (the format of the current CDK: a {@code *.metadata.json} per stack) and on assemblies written
 * here (older manifests carried it inline, with the creation stack as each entry's {@code trace}).
 */
class CdkMetadataTest {
    private static final Path APP = Fixtures.root().resolve(Fixtures.CDK_APP);
    private static final String API = "assembly-Prod/ProdApi2466CF1F.template.json";
    private static final String DATABASE =
            "assembly-Prod/ProdApiDatabaseB22BC426.nested.template.json";
    private static final String FRAMES =
            "/home/runner/work/cfn-secrets/cfn-secrets/fixtures/cdk-app/";

    private static CdkStack stack(Path assembly, String template) {
        Path file = assembly.resolve(template);
        return CdkMetadata.read(file.getParent()).stack(file).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void eachTemplateIsNamedByItsStack(String name) {
        Path assembly = APP.resolve(name);
        assertThat(stack(assembly, "Tooling.template.json").name()).isEqualTo("Tooling");
        assertThat(stack(assembly, API).name()).isEqualTo("Prod/Api");
        assertThat(stack(assembly, DATABASE).name()).isEqualTo("Prod/Api/Database");
    }

    @Test
    void eachElementHasItsConstructPathAndTheFramesThatCreatedIt() {
        Path assembly = APP.resolve("cdk.out-no-path-metadata");
        CdkConstruct checkout =
                stack(assembly, API).construct("CheckoutHandler99A4E0DF").orElseThrow();
        assertThat(checkout.path()).isEqualTo("Prod/Api/CheckoutHandler/Resource");
        assertThat(checkout.trace())
                .containsExactly(
                        "...new Function2 in aws-cdk-lib...",
                        "new ApiStack (" + FRAMES + "lib/api-stack.js:17:5)",
                        "new ShopStage (" + FRAMES + "lib/shop-stage.js:10:5)",
                        "<anonymous> (" + FRAMES + "app.js:13:1)",
                        "...node internals...");
        assertThat(stack(assembly, API).construct("BootstrapVersion"))
                .as("a Parameter")
                .hasValueSatisfying(
                        p -> assertThat(p.path()).isEqualTo("Prod/Api/BootstrapVersion"));
    }

    @Test
    void aNestedStacksElementsBelongToItsTemplateAndItsResourceToTheParent() {
        Path assembly = APP.resolve("cdk.out-no-path-metadata");
        CdkStack api = stack(assembly, API);
        CdkStack database = stack(assembly, DATABASE);
        assertThat(database.construct("OrdersA9B65338").orElseThrow().path())
                .isEqualTo("Prod/Api/Database/Orders/Resource");
        assertThat(database.construct("OrdersA9B65338").orElseThrow().trace())
                .contains("new DatabaseStack (" + FRAMES + "lib/database-stack.js:21:5)");
        assertThat(api.construct("OrdersA9B65338")).isEmpty();
        assertThat(api.construct("DatabaseNestedStackDatabaseNestedStackResource223659CE"))
                .hasValueSatisfying(
                        r ->
                                assertThat(r.path())
                                        .isEqualTo(
                                                "Prod/Api/Database.NestedStack/Database.NestedStackResource"));
        assertThat(database.construct("CDKMetadata").orElseThrow().path())
                .as("the same logical id in the parent and the nested stack")
                .isEqualTo("Prod/Api/Database/CDKMetadata/Default");
        assertThat(api.construct("CDKMetadata").orElseThrow().path())
                .isEqualTo("Prod/Api/CDKMetadata/Default");
    }

    /**
     * Every resource of the assembly synthesised with path metadata has the construct path its
     * {@code aws:cdk:path} says, and so has the same resource of the assembly without.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Tooling.template.json", API, DATABASE})
    void theMetadataGivesEveryResourceTheConstructPathOfItsPathMetadata(String template)
            throws IOException {
        JsonNode resources =
                new ObjectMapper()
                        .readTree(APP.resolve("cdk.out-path-metadata").resolve(template).toFile())
                        .path("Resources");
        Map<String, String> expected = new HashMap<>();
        resources
                .properties()
                .forEach(
                        r ->
                                expected.put(
                                        r.getKey(),
                                        r.getValue()
                                                .path("Metadata")
                                                .path("aws:cdk:path")
                                                .asText()));
        assertThat(expected).isNotEmpty().doesNotContainValue("");
        for (String assembly : new String[] {"cdk.out-path-metadata", "cdk.out-no-path-metadata"}) {
            CdkStack stack = stack(APP.resolve(assembly), template);
            Map<String, String> read = new HashMap<>();
            expected.keySet()
                    .forEach(
                            id ->
                                    read.put(
                                            id,
                                            stack.construct(id)
                                                    .map(CdkConstruct::path)
                                                    .orElse("")));
            assertThat(read).as(assembly).isEqualTo(expected);
        }
    }

    @Test
    void theTemplatesOfANestedAssemblyAreNotInItsParentsMetadata() {
        Path assembly = APP.resolve("cdk.out-no-path-metadata");
        CdkMetadata top = CdkMetadata.read(assembly);
        assertThat(top.stack(assembly.resolve(API))).isEmpty();
        assertThat(top.stack(assembly.resolve("Tooling.template.json"))).isPresent();
        assertThat(top.problems()).isEmpty();
        assertThat(CdkMetadata.read(APP)).isSameAs(CdkMetadata.NONE);
    }

    @Test
    void metadataInTheManifestWithTracesOnItsEntriesIsRead(@TempDir Path dir) throws IOException {
        writeStack(
                dir,
                "Legacy",
                """
                "metadata": {
                  "/Legacy/Fn/Resource": [{"type": "aws:cdk:logicalId", "data": "FnA1B2C3",
                                           "trace": ["new Legacy (/src/app.js:3:5)"]}],
                  "/Legacy/Token": [{"type": "aws:cdk:logicalId", "data": "Token"}]}
                """);
        CdkStack stack =
                CdkMetadata.read(dir).stack(dir.resolve("Legacy.template.json")).orElseThrow();
        assertThat(stack.name()).as("no display name: the artifact's id").isEqualTo("Legacy");
        assertThat(stack.construct("FnA1B2C3"))
                .contains(
                        new CdkConstruct(
                                "Legacy/Fn/Resource", List.of("new Legacy (/src/app.js:3:5)")));
        assertThat(stack.construct("Token")).contains(new CdkConstruct("Legacy/Token", List.of()));
    }

    /**
     * An element belongs to the innermost stack it lies under, in whatever order the metadata lists
     * them; a path that only begins like a stack's ({@code /S/Db.NestedStack}) is not under it.
     */
    @Test
    void aNestedStackInANestedStackHasItsOwnElements(@TempDir Path dir) throws IOException {
        writeStack(
                dir,
                "S",
                """
                "metadata": {
                  "/S/Db/Audit/Log/Resource": [{"type": "aws:cdk:logicalId", "data": "Log"}],
                  "/S/Db/Audit": [{"type": "aws:cdk:templateFile", "data": "Audit.nested.template.json"}],
                  "/S/Db.NestedStack/Db.NestedStackResource": [{"type": "aws:cdk:logicalId", "data": "DbStack"}],
                  "/S/Db/Table/Resource": [{"type": "aws:cdk:logicalId", "data": "Table"}],
                  "/S/Db": [{"type": "aws:cdk:templateFile", "data": "Db.nested.template.json"}],
                  "/S/Db/Audit.NestedStack/Audit.NestedStackResource": [{"type": "aws:cdk:logicalId", "data": "AuditStack"}]}
                """);
        CdkMetadata metadata = CdkMetadata.read(dir);
        Map<String, List<String>> byStack = new HashMap<>();
        for (String template : List.of("S", "Db.nested", "Audit.nested")) {
            CdkStack stack = metadata.stack(dir.resolve(template + ".template.json")).orElseThrow();
            byStack.put(stack.name(), stack.byLogicalId().keySet().stream().sorted().toList());
        }
        assertThat(byStack)
                .containsOnly(
                        Map.entry("S", List.of("DbStack")),
                        Map.entry("S/Db", List.of("AuditStack", "Table")),
                        Map.entry("S/Db/Audit", List.of("Log")));
    }

    @Test
    void aMetadataFileNamedByTwoStacksIsReadForTheFirst(@TempDir Path dir) throws IOException {
        writeManifest(
                dir,
                """
                {"A": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "A.template.json"},
                       "additionalMetadataFile": "A.metadata.json"},
                 "B": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "B.template.json"},
                       "additionalMetadataFile": "A.metadata.json"}}
                """);
        Files.writeString(
                dir.resolve("A.metadata.json"),
                "{\"/A/Fn\": [{\"type\": \"aws:cdk:logicalId\", \"data\": \"Fn\"}]}");
        CdkMetadata metadata = CdkMetadata.read(dir);
        assertThat(metadata.stack(dir.resolve("A.template.json")).orElseThrow().construct("Fn"))
                .isPresent();
        assertThat(metadata.stack(dir.resolve("B.template.json")).orElseThrow().byLogicalId())
                .isEmpty();
        assertThat(metadata.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("named by more than one stack"));
    }

    @Test
    void brokenMetadataIsAProblemNamingItsFileAndTheStackKeepsItsName(@TempDir Path dir)
            throws IOException {
        writeStack(
                dir,
                "S",
                "\"displayName\": \"Prod/S\", \"additionalMetadataFile\": \"S.metadata.json\"");
        Files.writeString(dir.resolve("S.metadata.json"), "{\n  \"/Prod/S/Fn\": [ ghp_secret");
        CdkMetadata metadata = CdkMetadata.read(dir);
        assertThat(metadata.stack(dir.resolve("S.template.json")))
                .hasValueSatisfying(
                        s -> {
                            assertThat(s.name()).isEqualTo("Prod/S");
                            assertThat(s.byLogicalId()).isEmpty();
                        });
        assertThat(metadata.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.file()).isEqualTo(dir.resolve("S.metadata.json"));
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.message()).doesNotContain("ghp_");
                        });
    }

    @Test
    void metadataOfTheWrongShapeIsAProblemAndTheRestIsRead(@TempDir Path dir) throws IOException {
        writeStack(
                dir,
                "S",
                """
                "metadata": {"/S/A": {"type": "aws:cdk:logicalId"},
                             "/S/B": [{"type": "aws:cdk:logicalId", "data": "B"}, 7]}
                """);
        CdkMetadata metadata = CdkMetadata.read(dir);
        assertThat(metadata.stack(dir.resolve("S.template.json")).orElseThrow().construct("B"))
                .hasValueSatisfying(b -> assertThat(b.path()).isEqualTo("S/B"));
        assertThat(metadata.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo(dir.resolve("manifest.json")));
    }

    @Test
    void aMetadataFileOutsideTheAssemblyOrLinkedIsNotRead(@TempDir Path dir) throws IOException {
        Path assembly = Files.createDirectories(dir.resolve("cdk.out"));
        Path outside = dir.resolve("outside.metadata.json");
        Files.writeString(
                outside, "{\"/S/Fn\": [{\"type\": \"aws:cdk:logicalId\", \"data\": \"Fn\"}]}");
        Files.createSymbolicLink(assembly.resolve("L.metadata.json"), outside);
        writeManifest(
                assembly,
                """
                {
                  "Up": {"type": "aws:cloudformation:stack",
                         "properties": {"templateFile": "Up.template.json"},
                         "additionalMetadataFile": "../outside.metadata.json"},
                  "Link": {"type": "aws:cloudformation:stack",
                           "properties": {"templateFile": "L.template.json"},
                           "additionalMetadataFile": "L.metadata.json"}}
                """);
        CdkMetadata metadata = CdkMetadata.read(assembly);
        assertThat(metadata.stack(assembly.resolve("Up.template.json")).orElseThrow().byLogicalId())
                .isEmpty();
        assertThat(metadata.stack(assembly.resolve("L.template.json")).orElseThrow().byLogicalId())
                .isEmpty();
        assertThat(metadata.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.file()).isEqualTo(assembly.resolve("L.metadata.json")));
    }

    /**
     * Writes a manifest of one stack {@code id} whose template is {@code id.template.json}, with
     * the {@code more} fields of its artifact.
     */
    private static void writeStack(Path dir, String id, String more) throws IOException {
        writeManifest(
                dir,
                "{\"%s\": {\"type\": \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"%s.template.json\"}, %s}}"
                        .formatted(id, id, more));
    }

    /** Writes a manifest of the {@code artifacts} given (a JSON object) in {@code dir}. */
    private static void writeManifest(Path dir, String artifacts) throws IOException {
        Files.writeString(
                dir.resolve(CloudAssembly.MANIFEST), "{\"artifacts\": " + artifacts + "}");
    }
}
