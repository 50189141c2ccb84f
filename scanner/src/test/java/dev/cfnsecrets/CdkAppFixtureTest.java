package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
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

    private static List<Finding> scan(String assembly) {
        ScanResult result =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scan(
                                List.of(APP.resolve(assembly).toString()),
                                () -> {
                                    throw new AssertionError("no stdin");
                                });
        return result.findings();
    }

    private static String inAssembly(String assembly, Finding f) {
        return APP.resolve(assembly)
                .relativize(Path.of(f.file()).toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
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
}
