package dev.cfnsecrets.rules.cfs2xx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.MarkedTemplate;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.scan.ScanOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures, locations and threshold of CFS201–CFS203 on the fixtures in {@code fixtures/cfs2xx}.
 */
class EnvironmentSizeRulesTest {

    private static List<Finding> scan(String fixture, ScanOptions options) {
        String path = Fixtures.root().resolve("cfs2xx").resolve(fixture).toString();
        return BuiltInRules.scanner(options.withRules(List.of("CFS2"), List.of()))
                .scan(List.of(path), NoStdin::read)
                .findings();
    }

    private static List<Finding> scan(String fixture) {
        return scan(fixture, ScanOptions.DEFAULT);
    }

    private static Finding only(List<Finding> findings, String logicalId) {
        List<Finding> of = findings.stream().filter(f -> logicalId.equals(f.logicalId())).toList();
        assertThat(of).as("findings on %s", logicalId).hasSize(1);
        return of.get(0);
    }

    @Test
    void mergedGlobalsAndFunctionAreSplitInTheMessage() {
        List<Finding> findings = scan("cfs201-env-over-4kb/merged-over.yaml");
        Finding merged = only(findings, "Merged");
        assertThat(merged.ruleId()).isEqualTo("CFS201");
        assertThat(merged.message())
                .startsWith(
                        "The environment of Merged is 4,279 bytes of 4,096: 2,273 from Globals, 2,006 from the function");
        assertThat(merged.propertyPath())
                .isEqualTo("Resources/Merged/Properties/Environment/Variables");
        assertThat(merged.span().startLine()).isEqualTo(33);
        assertThat(merged.related())
                .extracting(Location::message)
                .containsExactly(
                        "GLOBAL_01: 135 bytes, from Globals",
                        "GLOBAL_02: 135 bytes, from Globals",
                        "GLOBAL_03: 135 bytes, from Globals");
        assertThat(merged.related().get(0).span().startLine()).as("the Globals text").isEqualTo(8);
        assertThat(findings).extracting(Finding::logicalId).containsExactly("Merged");
    }

    @Test
    void aFunctionWithOnlyGlobalsIsReportedAtItsLogicalId() {
        Finding inherits = only(scan("cfs202-env-near-4kb/override.yaml"), "Inherits");
        assertThat(inherits.ruleId()).isEqualTo("CFS202");
        assertThat(inherits.message())
                .startsWith(
                        "The environment of Inherits is 3,717 bytes of 4,096, all from Globals (90.7 %, warning at 90 %)");
        assertThat(inherits.span().startLine()).isEqualTo(31);
        assertThat(inherits.related().get(0).message())
                .isEqualTo("BIG_CONFIG: 3,016 bytes, from Globals");
    }

    @Test
    void escapesAndMultiByteCharactersCountAsJsonBytes() {
        assertThat(only(scan("cfs201-env-over-4kb/escapes.yaml"), "Escapes").message())
                .startsWith("The environment of Escapes is 5,818 bytes");
        assertThat(only(scan("cfs201-env-over-4kb/multibyte.yaml"), "Multibyte").message())
                .startsWith("The environment of Multibyte is 5,657 bytes");
    }

    @Test
    void unknownValuesMakeTheFigureALowerBound() {
        List<Finding> findings = scan("cfs203-env-size-unbounded/unknown.yaml");
        assertThat(only(findings, "UnknownButOver").message())
                .startsWith(
                        "The environment of UnknownButOver is at least 4,128 bytes of 4,096 "
                                + "(compact JSON of the variables, as Lambda measures it); 2 values unknown: Lambda rejects it");
        assertThat(only(findings, "UnknownAndNear").message())
                .contains("at least 3,831 bytes", "at most 265 bytes are left");

        Finding secret = only(findings, "WholeSecretTight");
        assertThat(secret.ruleId()).isEqualTo("CFS203");
        assertThat(secret.message())
                .contains(
                        "3,521 bytes of 4,096 without the value only known at deployment "
                                + "({{resolve:secretsmanager:prod/db}}), commonly up to 1,024 bytes;"
                                + " 575 bytes are left");
        assertThat(secret.related())
                .extracting(Location::message)
                .containsExactly("unknown until deployment: {{resolve:secretsmanager:prod/db}}");

        Finding attributes = only(findings, "AttributesTight");
        assertThat(attributes.ruleId()).isEqualTo("CFS203");
        assertThat(attributes.message())
                .contains(
                        "(Fn::GetAtt Queue.QueueUrl, Fn::GetAtt Queue.Arn), commonly up to 512 bytes;"
                                + " 505 bytes are left");
        assertThat(findings)
                .extracting(Finding::logicalId)
                .doesNotContain("WholeSecretRoomy", "AttributeRoomy");
    }

    @Test
    void theWarningThresholdIsASetting() {
        ScanOptions at95 =
                ScanOptions.DEFAULT.withRuleSettings(
                        RuleSettings.DEFAULT.withEnvSizeWarningPercent(95));
        assertThat(scan("cfs202-env-near-4kb/near-limit.yaml", at95)).isEmpty();

        ScanOptions at85 =
                ScanOptions.DEFAULT.withRuleSettings(
                        RuleSettings.DEFAULT.withEnvSizeWarningPercent(85));
        List<Finding> findings = scan("cfs202-env-near-4kb/near-limit.yaml", at85);
        assertThat(findings)
                .extracting(Finding::logicalId)
                .containsExactly("AtThreshold", "BelowThreshold");
        assertThat(only(findings, "BelowThreshold").message())
                .contains("3,686 bytes of 4,096 (90.0 %, warning at 85 %)");
        assertThatThrownBy(() -> RuleSettings.DEFAULT.withEnvSizeWarningPercent(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargerFnIfBranchCounts() {
        List<Finding> findings = scan("cfs201-env-over-4kb/fn-if.yaml");
        assertThat(only(findings, "IfOnValue").message())
                .startsWith("The environment of IfOnValue is 4,215 bytes");
        assertThat(only(findings, "IfOnValue").related().get(0).message())
                .isEqualTo("FEATURES: 1,214 bytes");
        assertThat(only(findings, "IfOnEnvironment").message()).contains("3,801 bytes of 4,096");
        assertThat(findings).extracting(Finding::logicalId).doesNotContain("NoValueBranch");
    }

    @Test
    void cdkOutputCarriesItsConstructPath() {
        Finding cdk = only(scan("cfs201-env-over-4kb/cdk.template.json"), "ApiHandler5E7490E8");
        assertThat(cdk.ruleId()).isEqualTo("CFS201");
        assertThat(cdk.message())
                .startsWith("The environment of ApiHandler5E7490E8 is 4,200 bytes of 4,096 (");
        assertThat(cdk.cdkPath()).isEqualTo("ApiStack/ApiHandler/Resource");
    }

    @Test
    void theFingerprintSurvivesAChangeOfSize() {
        Finding before = only(scanText("V: " + "a".repeat(5000)), "Fn");
        Finding after = only(scanText("V: " + "a".repeat(6000) + "\n          W: b"), "Fn");
        assertThat(before.message()).isNotEqualTo(after.message());
        assertThat(before.fingerprint()).isEqualTo(after.fingerprint());
    }

    private static List<Finding> scanText(String variables) {
        return MarkedTemplate.scan(
                        """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment:
                        Variables:  # expect: CFS201
                          %s
                """
                                .formatted(variables))
                .findings();
    }
}
