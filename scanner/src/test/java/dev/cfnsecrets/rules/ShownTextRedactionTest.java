package dev.cfnsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.MarkedTemplate;
import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reports show a finding's first source line and quote values in messages. A credential there that
 * the reporting rule did not look for — on the line of a file that does not parse, in another value
 * of a one-line flow map, in a Parameter default substituted into a quoted reference — is hidden
 * too. Found by RobustnessTest.
 */
class ShownTextRedactionTest {
    private static final String TOKEN = "ghp_" + "Wrm9GHF6kX1h4R8vRYeo6w5vdcXNIoNJuY5W";

    private static String render(ScanResult result, Format format) {
        return ReportFixtures.render(Reporters.of(format, false, false), result);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aCredentialOnTheLineOfAParseErrorIsHidden(Format format) {
        ScanResult result =
                MarkedTemplate.scan(
                        "Resources:\n  Fn: {Type: AWS::Lambda::Function, Properties: {X: \""
                                + TOKEN
                                + "\", ]]  # expect: CFS001, CFS111\n");
        assertThat(result.findings().get(0).secrets()).contains(TOKEN);
        assertThat(render(result, format)).doesNotContain(TOKEN);
        if (format == Format.TEXT) {
            assertThat(render(result, format)).contains("ghp_…(40 chars)");
        }
    }

    @Test
    void aCredentialInAnotherValueOfTheShownLineIsHidden() {
        ScanResult result =
                MarkedTemplate.scan(
                        String.join(
                                "\n",
                                "Resources:",
                                "  Fn:",
                                "    Type: AWS::Lambda::Function",
                                "    Properties:",
                                "      Environment: {Variables: {AWS_REGION: eu-west-1}, Notes: \""
                                        + TOKEN
                                        + "\"}"
                                        + "  # expect: CFS109, CFS111 \"Environment.Notes\"",
                                ""));
        assertThat(render(result, Format.TEXT)).contains("AWS_REGION").doesNotContain(TOKEN);
    }

    @Test
    void aCredentialSubstitutedIntoAQuotedReferenceIsHidden() {
        ScanResult result =
                MarkedTemplate.scan(
                        String.join(
                                        "\n",
                                        "Parameters:",
                                        "  Stage: {Type: String, Default: \""
                                                + TOKEN
                                                + "\"}  # expect: CFS108",
                                        "")
                                + TestTemplates.functionWithVariables(
                                        "DB_PASSWORD: !Sub \"{{resolve:ssm-secure:/${Stage}/db}}\"  # expect: CFS104"));
        Finding unsupported =
                result.findings().stream()
                        .filter(f -> f.ruleId().equals("CFS104"))
                        .findFirst()
                        .orElseThrow();
        assertThat(unsupported.message()).contains(TOKEN);
        assertThat(unsupported.secrets()).contains(TOKEN);
        assertThat(render(result, Format.TEXT)).doesNotContain(TOKEN);
    }

    /** {@code entry} on a line that does not parse: its key has a tag CloudFormation lacks. */
    private static String parseErrorAt(String entry) {
        return TestTemplates.functionWithVariables(
                "!Bad " + entry + "  # expect: CFS001 \"unknown tag\"");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aSecretNamedLiteralOnTheLineOfAParseErrorIsHidden(Format format) {
        ScanResult result =
                MarkedTemplate.scan(
                        parseErrorAt("DB_PASSWORD: VALUE").replace("VALUE", "Zq7pW2rX9k"));

        assertThat(render(result, format)).doesNotContain("Zq7pW2rX9k");
        if (format == Format.TEXT) {
            assertThat(render(result, format)).contains("DB_PASSWORD: …(10 chars)");
        }
    }

    @Test
    void aSecretNamedLiteralOnAJsonLineIsHidden() {
        String json =
                "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"Environment\": "
                        + "{\"Variables\": {\n  \"API_TOKEN\": \"q8Zr2LmX7vKp4NwT9sBd\";\n  \"STAGE\": \"prod\"}}}}}}\n";
        ScanResult result =
                BuiltInRules.scanner(ScanOptions.DEFAULT).scan(new SourceFile("t.json", json));

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("CFS001");
        assertThat(render(result, Format.TEXT))
                .contains("\"API_TOKEN\": \"…(20 chars)\"")
                .doesNotContain("q8Zr2LmX7vKp4NwT9sBd");
    }

    @Test
    void referencesAndNonSecretValuesOnTheShownLineStayReadable() {
        assertThat(
                        render(
                                MarkedTemplate.scan(
                                        parseErrorAt("DB_PASSWORD: !Ref VALUE")
                                                .replace("VALUE", "DbPassword")),
                                Format.TEXT))
                .contains("DB_PASSWORD: !Ref DbPassword");
        assertThat(
                        render(
                                MarkedTemplate.scan(
                                        parseErrorAt("TABLE_NAME: VALUE")
                                                .replace("VALUE", "orders-prod")),
                                Format.TEXT))
                .contains("TABLE_NAME: orders-prod");
        assertThat(
                        render(
                                MarkedTemplate.scan(
                                        parseErrorAt("DB_PASSWORD_PARAM: VALUE")
                                                .replace("VALUE", "/app/prod/db-password")),
                                Format.TEXT))
                .contains("/app/prod/db-password");
    }
}
