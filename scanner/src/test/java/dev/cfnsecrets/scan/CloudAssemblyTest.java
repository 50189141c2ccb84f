package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.finding.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CDK cloud assembly is read through its manifest: the stacks it lists, its nested assemblies'
 * stacks and the nested stacks' templates, and nothing else, on the committed assemblies of {@code
 * fixtures/cdk-app} and on assemblies written here.
 */
class CloudAssemblyTest {
    private static final Path APP = Fixtures.root().resolve(Fixtures.CDK_APP);

    private static ScanResult scan(Path path) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(List.of(path.toString()), NoStdin::read);
    }

    private static List<String> walked(Path dir) {
        return FileWalker.expand(List.of(dir)).stream()
                .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void theTemplatesOfAnAssemblyAreItsStacksAndNestedStacks(String name) {
        Path assembly = APP.resolve(name);
        assertThat(walked(assembly))
                .containsExactly(
                        "Tooling.template.json",
                        "assembly-Prod/ProdApi2466CF1F.template.json",
                        "assembly-Prod/ProdApiDatabaseB22BC426.nested.template.json");
        ScanResult result = scan(assembly);
        assertThat(result.filesScanned()).isEqualTo(3);
        assertThat(result.filesSkipped()).as("files read that are no template").isZero();
    }

    @Test
    void aFolderHoldingAssembliesIsWalkedAndEachAssemblyReadThroughItsManifest() {
        assertThat(walked(APP))
                .as("the app's own files, then the assemblies' templates")
                .filteredOn(f -> f.endsWith(".json") && !f.startsWith("cdk.out-"))
                .containsExactly("cdk.json", "package-lock.json", "package.json");
        assertThat(walked(APP))
                .filteredOn(f -> f.startsWith("cdk.out-"))
                .hasSize(6)
                .allSatisfy(f -> assertThat(f).endsWith(".template.json"));
    }

    /**
     * The walk reads the manifest to list the templates; the metadata takes the same parse rather
     * than reading the file again: a manifest emptied after the walk still names the stack.
     */
    @Test
    void eachManifestIsReadOnceForTheWalkAndTheMetadata(@TempDir Path dir) throws IOException {
        Path source = APP.resolve("cdk.out-path-metadata");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.skip(1).toList()) {
                Files.copy(file, dir.resolve(source.relativize(file).toString()));
            }
        }
        CloudAssembly.Manifests manifests = new CloudAssembly.Manifests();
        Path template = FileWalker.expandWithRoots(List.of(dir), manifests).get(0).file();
        assertThat(dir.relativize(template).toString()).isEqualTo("Tooling.template.json");
        Files.writeString(dir.resolve(CloudAssembly.MANIFEST), "{}");

        assertThat(CdkMetadata.read(dir, manifests).stack(template).map(CdkStack::name))
                .contains("Tooling");
        assertThat(CdkMetadata.read(dir).stack(template)).as("read afresh").isEmpty();
    }

    /**
     * Files of an assembly that are no template give no CFS001 however broken, where a plain walk
     * would read (and report) them, and an asset folder's JSON is not scanned.
     */
    @Test
    void brokenFilesBesideTheTemplatesAreNeverRead(@TempDir Path dir) throws IOException {
        Path assembly =
                Fixtures.copy(APP.resolve("cdk.out-no-path-metadata"), dir.resolve("cdk.out"));
        Files.writeString(assembly.resolve("tree.json"), "{\"version\": \"tree-0.1\", \"tree\": {");
        Files.writeString(assembly.resolve("assembly-Prod/ProdApi2466CF1F.assets.json"), "{{{");
        Files.writeString(assembly.resolve("validation-report.json"), "{\"a\": 1, \"a\": 2}");
        Path asset = Files.createDirectories(assembly.resolve("asset.0123abcd"));
        Files.writeString(
                asset.resolve("template.json"),
                Files.readString(assembly.resolve("Tooling.template.json")));

        List<Finding> findings = scan(assembly).findings();
        assertThat(findings).extracting(Finding::ruleId).doesNotContain("CFS001");
        assertThat(findings)
                .extracting(Finding::ruleId)
                .containsExactlyInAnyOrder(
                        "CFS301", "CFS101", "CFS110", "CFS106", "CFS110", "CFS111");
    }

    @Test
    void aManifestDoesNotLeadOutOfItsAssembly(@TempDir Path dir) throws IOException {
        Path outside =
                Fixtures.copy(APP.resolve("cdk.out-no-path-metadata"), dir.resolve("elsewhere"));
        Path assembly = Files.createDirectories(dir.resolve("cdk.out"));
        Files.writeString(
                assembly.resolve(CloudAssembly.MANIFEST),
                """
                {"version": "55.0.0", "artifacts": {
                  "Up": {"type": "aws:cloudformation:stack",
                         "properties": {"templateFile": "../elsewhere/Tooling.template.json"}},
                  "Absolute": {"type": "aws:cloudformation:stack",
                               "properties": {"templateFile": "%s"}},
                  "Stage": {"type": "cdk:cloud-assembly",
                            "properties": {"directoryName": "../elsewhere/assembly-Prod"}},
                  "Itself": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "."}}
                }}
                """
                        .formatted(
                                outside.resolve("Tooling.template.json")
                                        .toString()
                                        .replace("\\", "\\\\")));
        assertThat(FileWalker.expand(List.of(assembly))).isEmpty();
        assertThat(walked(dir))
                .as("the copy outside is found by the walk of its own folder only")
                .allSatisfy(f -> assertThat(f).startsWith("elsewhere/"));
    }

    /** A nested assembly that links back up to its parent would be read forever. */
    @Test
    void aNestedAssemblyLinkingBackUpIsNotFollowed(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve(CloudAssembly.MANIFEST),
                """
                {"artifacts": {"Loop": {"type": "cdk:cloud-assembly",
                                        "properties": {"directoryName": "assembly-Loop"}}}}
                """);
        Files.createSymbolicLink(dir.resolve("assembly-Loop"), dir);
        assertThat(FileWalker.expand(List.of(dir))).isEmpty();
    }

    @Test
    void aListedStackTemplateThatIsMissingIsReportedUnreadable(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve(CloudAssembly.MANIFEST),
                """
                {"artifacts": {"Gone": {"type": "aws:cloudformation:stack",
                                        "properties": {"templateFile": "Gone.template.json"}}}}
                """);
        assertThat(scan(dir).findings())
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.ruleId()).isEqualTo("CFS001");
                            assertThat(f.file()).endsWith("Gone.template.json");
                        });
    }

    /** A manifest.json of something else (a web app, npm) leaves its folder a plain folder. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": \"shop\", \"icons\": []}",
                "{\"artifacts\": {\"Tree\": {\"type\": \"cdk:tree\"}}}",
                "not json"
            })
    void aManifestOfNoAssemblyLeavesTheFolderAPlainFolder(String manifest, @TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve(CloudAssembly.MANIFEST), manifest);
        Files.writeString(dir.resolve("template.yaml"), "Resources: {}\n");
        assertThat(walked(dir)).containsExactly("manifest.json", "template.yaml");
    }

    /**
     * The hand-made assembly of test resources: a stack whose findings are a Parameter's and an
     * Output's.
     */
    private static Path handMade() throws URISyntaxException {
        return Path.of(CloudAssemblyTest.class.getResource("/cdk-assembly/manifest.json").toURI())
                .getParent();
    }

    @Test
    void parametersAndOutputsHaveTheConstructPathsOfTheMetadata() throws URISyntaxException {
        Path template = handMade().resolve("ShopDb0C3A5E21.template.json");
        for (Path named : List.of(handMade(), template)) {
            assertThat(scan(named).findings())
                    .as("the assembly, or its template named on its own")
                    .extracting(
                            Finding::ruleId,
                            Finding::logicalId,
                            Finding::cdkPath,
                            Finding::cdkStack)
                    .containsExactlyInAnyOrder(
                            tuple("CFS108", "AdminPassword", "Shop/Db/AdminPassword", "Shop/Db"),
                            tuple("CFS107", "DeployToken", "Shop/Db/DeployToken", "Shop/Db"));
        }
    }

    /**
     * Metadata that cannot be read is a CFS001 naming it; the templates are scanned all the same.
     */
    @Test
    void brokenMetadataIsReportedAndTheScanGoesOn(@TempDir Path dir)
            throws IOException, URISyntaxException {
        List<Finding> findings =
                scanBroken(dir, "ShopDb0C3A5E21.metadata.json", "{\"/Shop/Db\": [}");
        assertThat(findings)
                .extracting(
                        Finding::ruleId,
                        f -> Path.of(f.file()).getFileName().toString(),
                        Finding::cdkPath,
                        Finding::cdkStack)
                .containsExactlyInAnyOrder(
                        tuple("CFS001", "ShopDb0C3A5E21.metadata.json", null, null),
                        tuple("CFS108", "ShopDb0C3A5E21.template.json", null, "Shop/Db"),
                        tuple("CFS107", "ShopDb0C3A5E21.template.json", null, "Shop/Db"));
        assertThat(findings.get(0).message())
                .endsWith(
                        "ShopDb0C3A5E21.metadata.json cannot be scanned: not valid JSON, or nested too deeply;"
                                + " the findings of its stacks have no construct path from it"
                                + " (line 1, column 15). Fix the file or exclude it.");
    }

    @Test
    void excludedBrokenMetadataIsNotReported(@TempDir Path dir)
            throws IOException, URISyntaxException {
        Path assembly = Fixtures.copy(handMade(), dir.resolve("cdk.out"));
        Files.writeString(assembly.resolve("ShopDb0C3A5E21.metadata.json"), "[");
        ScanOptions options =
                ScanOptions.DEFAULT.withExclude(List.of("**/*.metadata.json")).withRoot(dir);
        assertThat(
                        BuiltInRules.scanner(options)
                                .scan(List.of(assembly.toString()), NoStdin::read)
                                .findings())
                .extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CFS108", "CFS107");
    }

    /** A template that cannot be read is on no construct, but in its stack. */
    @Test
    void anUnreadableTemplateIsInItsStack(@TempDir Path dir)
            throws IOException, URISyntaxException {
        assertThat(scanBroken(dir, "ShopDb0C3A5E21.template.json", "{\"Resources\": "))
                .singleElement()
                .extracting(Finding::ruleId, Finding::cdkPath, Finding::cdkStack)
                .containsExactly("CFS001", null, "Shop/Db");
    }

    /** The findings of a copy of the hand-made assembly whose {@code file} holds {@code text}. */
    private static List<Finding> scanBroken(Path dir, String file, String text)
            throws IOException, URISyntaxException {
        Path assembly = Fixtures.copy(handMade(), dir.resolve("cdk.out"));
        Files.writeString(assembly.resolve(file), text);
        return scan(assembly).findings();
    }
}
