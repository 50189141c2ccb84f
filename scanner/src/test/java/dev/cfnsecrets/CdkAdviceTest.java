package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A finding on a template the CDK synthesised tells what to change in the app's code: on the
 * fixture app's committed assemblies, with path metadata and without, each leak's advice names the
 * CDK calls to use; findings on hand-written templates keep the template wording.
 */
class CdkAdviceTest {
    /** What each finding of the fixture app must say, by rule. */
    private static final Map<String, List<String>> CDK_WORDING =
            Map.of(
                    "CFS101",
                    List.of(
                            "secretsmanager.Secret",
                            "secret.secretName in environment",
                            "secret.grantRead(fn)",
                            "Parameters and Secrets extension"),
                    "CFS106",
                    List.of(
                            "unsafeUnwrap()",
                            "plaintext into the function configuration",
                            "secret.grantRead(fn)"),
                    "CFS110",
                    List.of("environmentEncryption"),
                    "CFS111",
                    List.of("rds.Credentials.fromGeneratedSecret", "SecretValue.unsafePlainText"),
                    "CFS301",
                    List.of("addToPolicy", "fn.functionArn", "instead of '*'"));

    /** The rules that report an environment's secrets, in the fixtures of the last test. */
    private static final Set<String> ENVIRONMENT_RULES =
            Set.of("CFS101", "CFS102", "CFS103", "CFS105", "CFS106");

    /** Words only the CDK advice uses. */
    private static final List<String> CDK_ONLY =
            List.of(
                    "grantRead",
                    "unsafeUnwrap",
                    "unsafePlainText",
                    "fromGeneratedSecret",
                    "addToPolicy",
                    "environmentEncryption",
                    "secretsmanager.Secret");

    private static List<Finding> scan(String path) {
        return scan(Fixtures.root().resolve(path));
    }

    private static List<Finding> scan(Path path) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(List.of(path.toString()), NoStdin::read)
                .findings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.out-path-metadata", "cdk.out-no-path-metadata"})
    void eachLeakOfTheAppIsAdvisedInCdkTerms(String assembly) {
        List<Finding> findings = scan(Fixtures.CDK_APP + "/" + assembly);

        assertThat(findings).extracting(Finding::ruleId).containsAll(CDK_WORDING.keySet());
        SoftAssertions softly = new SoftAssertions();
        for (Finding f : findings) {
            softly.assertThat(f.message())
                    .as(f.ruleId() + " " + f.logicalId())
                    .contains(CDK_WORDING.get(f.ruleId()));
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cfs1xx/cfs101-credential-in-env",
                "cfs1xx/cfs102-secret-named-literal",
                "cfs1xx/cfs103-secret-through-parameter",
                "cfs1xx/cfs105-plaintext-ssm",
                "cfs1xx/cfs106-resolved-into-env",
                "cfs1xx/cfs110-default-key",
                "cfs1xx/cfs111-secret-properties",
                "cfs1xx/ecs",
                "cfs3xx/cfs301-function-config-readable-widely",
                "cfs3xx/cfs302-kms-decrypt-on-all-keys"
            })
    void handWrittenTemplatesKeepTheTemplateWording(String folder) {
        List<Finding> findings = scan(folder);

        assertThat(findings).isNotEmpty();
        for (Finding f : findings) {
            assertThat(f.message()).as(f.ruleId() + " at " + f.file()).doesNotContain(CDK_ONLY);
        }
    }

    @Test
    void theTemplateWordingIsWhatTheCdkWordingReplaces() {
        List<Finding> plain = scan("cfs1xx/cfs101-credential-in-env");

        assertThat(plain)
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("fetch it at runtime by name or ARN."));
    }

    @Test
    void theHelpOfEachAdvisedRuleHasAnInTheCdkSection() {
        Catalog catalog = Catalog.bundled();
        for (String rule : CDK_WORDING.keySet()) {
            assertThat(catalog.find(rule).orElseThrow().helpMarkdown())
                    .as(rule)
                    .contains("## In the CDK");
        }
    }

    /**
     * The environment fixtures, Lambda and ECS, every blast radius, made CDK output by the resource
     * CDK adds to every stack: the advice of each environment finding changes to the CDK's, by
     * kind.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "cfs1xx/cfs101-credential-in-env/lambda.yaml",
                "cfs1xx/cfs102-secret-named-literal/chosen-passwords.yaml",
                "cfs1xx/cfs103-secret-through-parameter/parameters.yaml",
                "cfs1xx/cfs105-plaintext-ssm/env.yaml",
                "cfs1xx/cfs106-resolved-into-env/env.yaml",
                "cfs1xx/ecs/task-definition.yaml"
            })
    void theSameEnvironmentInCdkOutputIsAdvisedInCdkTerms(String fixture, @TempDir Path dir)
            throws IOException {
        String template = Files.readString(Fixtures.root().resolve(fixture));
        Path cdkOutput = dir.resolve("Stack.template.yaml");
        Files.writeString(
                cdkOutput,
                template.replaceFirst(
                        "(?m)^Resources:\\n",
                        "Resources:\n  CDKMetadata:\n    Type: AWS::CDK::Metadata\n"));
        boolean ecs = fixture.contains("ecs");

        List<Finding> findings =
                scan(cdkOutput).stream()
                        .filter(f -> ENVIRONMENT_RULES.contains(f.ruleId()))
                        .toList();

        assertThat(findings).isNotEmpty();
        for (Finding f : findings) {
            assertThat(f.message())
                    .as(f.ruleId() + " at line " + f.span().startLine())
                    .doesNotContain("by name or ARN", "Secrets list")
                    .containsAnyOf(
                            ecs ? "ecs.Secret.fromSecretsManager" : "secret.grantRead(fn)",
                            "CfnParameter with noEcho");
        }
    }
}
