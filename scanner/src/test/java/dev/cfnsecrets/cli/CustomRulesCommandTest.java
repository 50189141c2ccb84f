package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.report.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom rules of fixtures/custom, through every command that shows rules. */
class CustomRulesCommandTest {
    private static final Path FIXTURE =
            Path.of(System.getProperty("cfnsecrets.repo"), "fixtures", "custom");
    private static final String CONFIG = FIXTURE.resolve(".cfn-secrets.yml").toString();

    @Test
    void rulesListsTheCustomRulesAfterTheCatalog() {
        CommandRun run = CommandRun.of("rules", "-c", CONFIG);

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "(?m)^CFS305\\s+warning\\s+principal-can-read-function-secrets\\s+")
                .containsPattern(
                        "(?m)^ACME001\\s+error\\s+lambda-env-needs-kms-key\\s+A Lambda function with environment"
                                + " variables encrypts them with a customer managed KMS key\\.$")
                .containsPattern("(?m)^ACME003\\s+warning\\s+sam-resource-cost-center\\s+");
        assertThat(run.out().indexOf("ACME001")).isGreaterThan(run.out().indexOf("CFS305"));
        assertThat(CommandRun.of("rules").out()).doesNotContain("ACME001");
    }

    @Test
    void explainShowsTheHelpAndWhatTheRuleChecks() {
        CommandRun run = CommandRun.of("explain", "-c", CONFIG, "acme002");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .startsWith("# ACME002 deprecated-lambda-runtime (warning)\n")
                .contains(
                        "`Properties/Runtime` of `AWS::Lambda::Function`, `AWS::Serverless::Function` must not satisfy",
                        "\"enum\":[\"python3.6\"",
                        "Custom rule from `acme-rules.yml`");
    }

    @Test
    void sarifDescribesCustomRulesWithoutAHelpUriAndStaysValid() throws IOException {
        CommandRun run = CommandRun.of("scan", "-c", CONFIG, "-f", "sarif", FIXTURE.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        JsonNode sarifRun = new ObjectMapper().readTree(run.out()).path("runs").path(0);
        JsonNode acme001 = null;
        JsonNode acme002 = null;
        for (JsonNode rule : sarifRun.path("tool").path("driver").path("rules")) {
            if (rule.path("id").asText().equals("ACME001")) {
                acme001 = rule;
            } else if (rule.path("id").asText().equals("ACME002")) {
                acme002 = rule;
            }
        }
        // A custom rule is a security rule of its own severity; precision high unless it says.
        assertThat(acme001.at("/properties/tags/0").asText()).isEqualTo("security");
        assertThat(acme001.at("/properties/precision").asText()).isEqualTo("high");
        assertThat(acme002.at("/properties/precision").asText()).isEqualTo("very-high");
        assertThat(acme001).isNotNull();
        assertThat(acme001.path("name").asText()).isEqualTo("lambda-env-needs-kms-key");
        assertThat(acme001.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        assertThat(acme001.path("fullDescription").path("text").asText())
                .startsWith("ACME's data classification policy");
        assertThat(acme001.path("help").path("markdown").asText())
                .contains("## Fix", "## What it checks");
        assertThat(acme001.has("helpUri")).isFalse();
        assertThat(sarifRun.path("results").findValuesAsText("ruleId"))
                .contains("ACME001", "ACME002", "ACME003");
        // rules.levels in the fixture's configuration turns ACME003 into a note.
        assertThat(run.out()).contains("\"ruleId\" : \"ACME003\"");
        for (JsonNode result : sarifRun.path("results")) {
            if (result.path("ruleId").asText().equals("ACME003")) {
                assertThat(result.path("level").asText()).isEqualTo("note");
            }
        }
        assertThat(SarifSchema.violations(run.out())).isEmpty();
    }

    @Test
    void flagsSelectCustomRulesByIdOrPrefix() {
        CommandRun onlyAcme2 =
                CommandRun.of("scan", "-c", CONFIG, "--enable", "ACME002", FIXTURE.toString());
        CommandRun noAcme =
                CommandRun.of("scan", "-c", CONFIG, "--disable", "ACME", FIXTURE.toString());

        assertThat(onlyAcme2.out()).contains("ACME002").doesNotContain("ACME001", "ACME003");
        assertThat(onlyAcme2.status()).isZero();
        // Only the configuration notice names them: no finding of theirs is listed.
        assertThat(noAcme.out())
                .doesNotContainPattern("(error|warning|note) ACME")
                .contains("cfn-secrets: configuration: rules ACME disabled: ");
        assertThat(CommandRun.of("scan", "--enable", "ACME002", FIXTURE.toString()).err())
                .contains("--enable: 'ACME002' is not a rule id or prefix");
    }

    @Test
    void aBrokenRulesFileIsAConfigurationError(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("rules.yml"),
                """
                rules:
                  - id: ACME001
                    message: m
                    resource-types: [AWS::Lambda::Function]
                    path: Properties/Runtime
                    must: {type: string}
                    when-mising: report
                """);
        Path config = Files.writeString(dir.resolve("config.yml"), "custom-rules: [rules.yml]\n");

        CommandRun run = CommandRun.of("scan", "-c", config.toString(), FIXTURE.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "cfn-secrets: "
                                + config
                                + ": custom-rules: rules.yml: rule ACME001 at /rules/0:"
                                + " property 'when-mising' is not defined in the schema and the schema does not allow additional"
                                + " properties\n");
        assertThat(run.out()).isEmpty();
    }
}
