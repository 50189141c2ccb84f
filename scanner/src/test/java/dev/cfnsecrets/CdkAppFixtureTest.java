package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.report.Redactor;
import dev.cfnsecrets.report.SarifContext;
import dev.cfnsecrets.report.SarifReporter;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a scan of the CDK app's committed cloud assemblies ({@code fixtures/cdk-app}, synthesised by
 * its synth.sh with and without path metadata) reports, finding by finding: the generated JSON
 * cannot carry the marks of the other fixtures. Each leak the app plants is found once per assembly
 * with its construct path and stack, with path metadata or without (then from the assembly's
 * metadata), and the clean function (HealthHandler) gives nothing ({@code CloudAssemblyTest} checks
 * which files of an assembly are read).
 */
class CdkAppFixtureTest {
    private static final Path APP = Fixtures.root().resolve(Fixtures.CDK_APP);
    private static final String API = "assembly-Prod/ProdApi2466CF1F.template.json";
    private static final String DATABASE =
            "assembly-Prod/ProdApiDatabaseB22BC426.nested.template.json";

    /** Rule, template (relative to the assembly), logical id and construct path of each finding. */
    private static final List<Tuple> FINDINGS =
            List.of(
                    tuple(
                            "CFS301",
                            "Tooling.template.json",
                            "InventoryRoleDefaultPolicyBC8086CA",
                            "Tooling/InventoryRole/DefaultPolicy/Resource"),
                    tuple(
                            "CFS101",
                            API,
                            "CheckoutHandler99A4E0DF",
                            "Prod/Api/CheckoutHandler/Resource"),
                    tuple(
                            "CFS110",
                            API,
                            "CheckoutHandler99A4E0DF",
                            "Prod/Api/CheckoutHandler/Resource"),
                    tuple(
                            "CFS106",
                            API,
                            "WebhookHandler40BDAF19",
                            "Prod/Api/WebhookHandler/Resource"),
                    tuple(
                            "CFS110",
                            API,
                            "WebhookHandler40BDAF19",
                            "Prod/Api/WebhookHandler/Resource"),
                    tuple(
                            "CFS111",
                            DATABASE,
                            "OrdersA9B65338",
                            "Prod/Api/Database/Orders/Resource"));

    /** The repository: the checkout that the assemblies' creation stacks are looked for in. */
    private static final Path REPOSITORY = Fixtures.root().getParent();

    private static final String APP_SOURCE = "fixtures/cdk-app/lib/";

    /**
     * Rule, logical id, and the line of the app's code that created the construct (relative to the
     * repository; lib/*.js, whose line of each {@code new} the fixture's README lists), of each
     * finding.
     */
    private static final List<Tuple> SOURCE_LINES =
            List.of(
                    tuple(
                            "CFS301",
                            "InventoryRoleDefaultPolicyBC8086CA",
                            APP_SOURCE + "tooling-stack.js:16:19"),
                    tuple("CFS101", "CheckoutHandler99A4E0DF", APP_SOURCE + "api-stack.js:17:5"),
                    tuple("CFS110", "CheckoutHandler99A4E0DF", APP_SOURCE + "api-stack.js:17:5"),
                    tuple("CFS106", "WebhookHandler40BDAF19", APP_SOURCE + "api-stack.js:29:5"),
                    tuple("CFS110", "WebhookHandler40BDAF19", APP_SOURCE + "api-stack.js:29:5"),
                    tuple("CFS111", "OrdersA9B65338", APP_SOURCE + "database-stack.js:21:5"));

    private static ScanResult scanResult(String assembly) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT.withRoot(REPOSITORY))
                .scan(List.of(APP.resolve(assembly).toString()), NoStdin::read);
    }

    private static List<Finding> scan(String assembly) {
        return scanResult(assembly).findings();
    }

    private static String inRepository(Location location) {
        String place = location.span().startLine() + ":" + location.span().startColumn();
        return relative(REPOSITORY, location.file()) + ":" + place;
    }

    /** {@code file} (as reports show it) relative to {@code base}, with '/'. */
    private static String relative(Path base, String file) {
        return base.relativize(Path.of(file).toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    private static String inAssembly(String assembly, Finding f) {
        return relative(APP.resolve(assembly), f.file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void eachLeakIsFoundWithItsConstructPathWithPathMetadataOnAndOff(String assembly) {
        // Without path metadata the construct paths come from the assembly's *.metadata.json.
        assertThat(scan(assembly))
                .extracting(
                        Finding::ruleId,
                        f -> inAssembly(assembly, f),
                        Finding::logicalId,
                        Finding::cdkPath)
                .containsExactlyInAnyOrderElementsOf(FINDINGS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void eachFindingIsInItsStackANestedOneUnderItsParent(String assembly) {
        assertThat(scan(assembly))
                .allSatisfy(
                        f ->
                                assertThat(f.cdkStack())
                                        .isEqualTo(
                                                switch (inAssembly(assembly, f)) {
                                                    case "Tooling.template.json" -> "Tooling";
                                                    case API -> "Prod/Api";
                                                    case DATABASE -> "Prod/Api/Database";
                                                    default -> "no stack";
                                                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void eachFindingIsShownAtTheLineOfTheAppThatCreatedItsConstruct(String assembly) {
        // The frames name /home/runner/work/cfn-secrets/cfn-secrets/fixtures/cdk-app/lib/…: found
        // in this checkout wherever it is, by the same path or by the longest common suffix.
        assertThat(scan(assembly))
                .extracting(
                        Finding::ruleId,
                        Finding::logicalId,
                        f -> f.source().map(CdkAppFixtureTest::inRepository).orElse("none"))
                .containsExactlyInAnyOrderElementsOf(SOURCE_LINES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void inSarifTheSourceLineIsThePrimaryLocationAndTheTemplateARelatedOne(String assembly)
            throws IOException {
        ScanResult result = scanResult(assembly);
        StringWriter out = new StringWriter();
        new SarifReporter(new Redactor(false), SarifContext.of(REPOSITORY, 1)).write(result, out);
        JsonNode results =
                new ObjectMapper().readTree(out.toString()).path("runs").path(0).path("results");
        assertThat(results).hasSize(SOURCE_LINES.size());
        for (int i = 0; i < results.size(); i++) {
            Finding finding = result.findings().get(i);
            JsonNode sarif = results.get(i);
            JsonNode primary = sarif.path("locations").path(0).path("physicalLocation");
            JsonNode template = sarif.path("relatedLocations").path(0);
            String sourceLine = inRepository(finding.source().orElseThrow());
            assertThat(primary.path("artifactLocation").path("uriBaseId").asText())
                    .isEqualTo("%SRCROOT%");
            assertThat(
                            primary.path("artifactLocation").path("uri").asText()
                                    + ":"
                                    + primary.path("region").path("startLine").asInt()
                                    + ":"
                                    + primary.path("region").path("startColumn").asInt())
                    .isEqualTo(sourceLine)
                    .startsWith(APP_SOURCE);
            assertThat(
                            template.path("physicalLocation")
                                    .path("artifactLocation")
                                    .path("uri")
                                    .asText())
                    .isEqualTo(
                            "fixtures/cdk-app/" + assembly + "/" + inAssembly(assembly, finding));
            assertThat(template.path("physicalLocation").path("region").path("startLine").asInt())
                    .isEqualTo(finding.span().startLine())
                    .isGreaterThan(1);
            assertThat(template.path("message").path("text").asText())
                    .isEqualTo("the synthesised template");
            assertThat(sarif.path("message").path("text").asText())
                    .contains("Related: [the synthesised template](1)");
        }
    }

    /**
     * The fingerprint (so a baseline) stays on the template's logical id and property: a
     * re-synthesised assembly whose frames moved (an edit above the construct), or a checkout
     * without the app's code, gives the same fingerprints, only another source line or none.
     */
    @Test
    void theFingerprintDoesNotFollowTheSourceLine(@TempDir Path checkout) throws IOException {
        Path assembly =
                Fixtures.copy(APP.resolve("cdk.out-path-metadata"), checkout.resolve("cdk.out"));
        Fixtures.copy(APP.resolve("lib"), checkout.resolve("lib"));
        List<Finding> before = scanIn(checkout);
        assertThat(before)
                .extracting(f -> f.source().map(l -> l.span().startLine()).orElse(0))
                .containsOnly(16, 17, 29, 21);

        Path metadata = assembly.resolve("assembly-Prod/ProdApi2466CF1F.metadata.json");
        Files.writeString(
                metadata,
                Files.readString(metadata).replace("api-stack.js:17:5", "api-stack.js:20:5"));
        List<Finding> moved = scanIn(checkout);
        assertThat(moved)
                .filteredOn(f -> f.logicalId().equals("CheckoutHandler99A4E0DF"))
                .extracting(f -> f.source().orElseThrow().span().startLine())
                .containsOnly(20);

        try (Stream<Path> files = Files.walk(checkout.resolve("lib"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        List<Finding> withoutSource = scanIn(checkout);
        assertThat(withoutSource).allSatisfy(f -> assertThat(f.source()).isEmpty());

        List<String> fingerprints = before.stream().map(Finding::fingerprint).toList();
        assertThat(fingerprints).hasSize(SOURCE_LINES.size());
        assertThat(moved).extracting(Finding::fingerprint).isEqualTo(fingerprints);
        assertThat(withoutSource).extracting(Finding::fingerprint).isEqualTo(fingerprints);
    }

    /**
     * The same assembly as a Python or Java app would record it (jsii sends their frames when
     * synthesised with {@code JSII_HOST_STACK_TRACES=1}): a Python frame relative to the app's
     * folder (the one with cdk.json), a Java frame that names its class and file only.
     */
    @Test
    void pythonAndJavaFramesFindTheirFilesInTheApp(@TempDir Path checkout) throws IOException {
        Path app = checkout.resolve("infra");
        Path assembly =
                Fixtures.copy(APP.resolve("cdk.out-no-path-metadata"), app.resolve("cdk.out"));
        Files.writeString(app.resolve("cdk.json"), "{\"app\": \"python3 app.py\"}\n");
        Path python = app.resolve("shop/api_stack.py");
        Path java = app.resolve("src/main/java/com/example/shop/ToolingStack.java");
        for (Path source : List.of(python, java)) {
            Files.createDirectories(source.getParent());
            Files.writeString(source, "# the stack\n");
        }
        String frames = "/home/runner/work/cfn-secrets/cfn-secrets/fixtures/cdk-app/lib/";
        rewrite(
                assembly.resolve("assembly-Prod/ProdApi2466CF1F.metadata.json"),
                "new ApiStack (" + frames + "api-stack.js:17:5)",
                "ApiStack.__init__ (shop/api_stack.py:31)");
        rewrite(
                assembly.resolve("Tooling.metadata.json"),
                "new ToolingStack (" + frames + "tooling-stack.js:16:19)",
                "com.example.shop.ToolingStack.<init> (ToolingStack.java:24)");

        assertThat(scanIn(checkout))
                .extracting(
                        Finding::logicalId,
                        f ->
                                f.source()
                                        .map(
                                                l ->
                                                        relative(checkout, l.file())
                                                                + ":"
                                                                + l.span().startLine())
                                        .orElse("none"))
                .containsExactlyInAnyOrder(
                        tuple(
                                "InventoryRoleDefaultPolicyBC8086CA",
                                "infra/src/main/java/com/example/shop/ToolingStack.java:24"),
                        tuple("CheckoutHandler99A4E0DF", "infra/shop/api_stack.py:31"),
                        tuple("CheckoutHandler99A4E0DF", "infra/shop/api_stack.py:31"),
                        // The JavaScript app's own files are not in this checkout.
                        tuple("WebhookHandler40BDAF19", "none"),
                        tuple("WebhookHandler40BDAF19", "none"),
                        tuple("OrdersA9B65338", "none"));
    }

    private static void rewrite(Path file, String frame, String replacement) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(frame);
        Files.writeString(file, text.replace(frame, replacement));
    }

    private static List<Finding> scanIn(Path checkout) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT.withRoot(checkout))
                .scan(List.of(checkout.toString()), NoStdin::read)
                .findings();
    }
}
