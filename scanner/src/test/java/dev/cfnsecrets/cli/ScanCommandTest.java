package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.TestTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    static final String CLEAN =
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.handler
            """;

    /** A duplicate key: unreadable, so CFS001 (an error) on line 6. */
    static final String MALFORMED =
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
                  Handler: app.handler
            """;

    @TempDir Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void cleanTemplateExitsZero() throws IOException {
        CommandRun run = CommandRun.of("scan", write("clean.yaml", CLEAN));

        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain("CFS001");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void verboseSaysWhyAValueUnderASecretNameIsNotASecretWithoutTheValue() throws IOException {
        String template =
                write(
                        "v.yaml",
                        TestTemplates.functionWithVariables(
                                """
                                DB_PASSWORD: changeme
                                API_TOKEN: OrdersServiceToken
                                """));

        CommandRun quiet = CommandRun.of("scan", "--fail-on", "none", template);
        CommandRun run = CommandRun.of("scan", "--fail-on", "none", "--verbose", template);

        assertThat(quiet.err()).isEmpty();
        assertThat(run.err())
                .contains("DB_PASSWORD at " + template + ":7:24: a placeholder")
                .contains("API_TOKEN at " + template + ":8:22: an identifier")
                .doesNotContain("changeme")
                .doesNotContain("OrdersServiceToken");
    }

    @Test
    void verboseSaysWhyASecretNamedSubVariableIsNotASecret() throws IOException {
        String template =
                write(
                        "s.yaml",
                        TestTemplates.functionWithVariables(
                                """
                                LOGIN: !Sub ["${AWS::Region} app ${DbPassword}", {DbPassword: changeme}]
                                """));

        CommandRun run = CommandRun.of("scan", "--fail-on", "none", "--verbose", template);

        assertThat(run.out()).doesNotContain("CFS101");
        assertThat(run.err())
                .contains("DbPassword (a Fn::Sub variable) at " + template + ":7:73: a placeholder")
                .doesNotContain("changeme");
    }

    @Test
    void malformedTemplateIsAFindingAndExitsOne() throws IOException {
        String bad = write("bad.yaml", MALFORMED);

        CommandRun run = CommandRun.of("scan", bad, write("clean.yaml", CLEAN));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("CFS001").contains("duplicate key 'Handler'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void directoriesAreScannedRecursively() throws IOException {
        write("nested/deeper/bad.yaml", MALFORMED);

        CommandRun run = CommandRun.of("scan", dir.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("bad.yaml").contains("CFS001");
    }

    @Test
    void failOnNoneNeverFails() throws IOException {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none", write("bad.yaml", MALFORMED));

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("CFS001");
    }

    @Test
    void disablingTheRuleSilencesIt() throws IOException {
        CommandRun run = CommandRun.of("scan", "--disable", "CFS001", write("bad.yaml", MALFORMED));

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .doesNotContain("error CFS001")
                .startsWith(
                        "cfn-secrets: configuration: rules CFS001 disabled: 1 finding not reported\n");
    }

    @Test
    void enablingAnUnknownRuleIsAUsageError() throws IOException {
        CommandRun run = CommandRun.of("scan", "--enable", "CFS9", write("bad.yaml", MALFORMED));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--enable: 'CFS9' is not a rule id or prefix");
    }

    @Test
    void unknownFlagIsAUsageError() {
        CommandRun run = CommandRun.of("scan", "--no-such-flag", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("Unknown option: '--no-such-flag'")
                .contains("cfn-secrets scan --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void ciFormatsAreNamedAsInTheHelp() throws IOException {
        String bad = write("bad.yaml", MALFORMED);

        CommandRun gitlab = CommandRun.of("scan", "--format", "gitlab-sast", bad);
        CommandRun junit = CommandRun.of("scan", "-f", "JUnit", bad);

        assertThat(gitlab.status()).isEqualTo(1);
        JsonNode vulnerability = new ObjectMapper().readTree(gitlab.out()).path("vulnerabilities");
        assertThat(vulnerability.get(0).path("identifiers").get(0).path("value").asText())
                .isEqualTo("CFS001");
        assertThat(vulnerability.get(0).path("location").path("start_line").asInt()).isEqualTo(6);
        assertThat(junit.status()).isEqualTo(1);
        assertThat(junit.out()).startsWith("<?xml").contains("<failure type=\"CFS001\"");
        assertThat(CommandRun.of("scan", "--help").out())
                .contains("junit (JUnit XML", "gitlab-sast", "markdown (a table");
    }

    @Test
    void unknownFormatIsAUsageError() {
        CommandRun run = CommandRun.of("scan", "--format", "xml", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("'xml'");
    }

    @Test
    void missingPathIsAUsageErrorNotAFinding() {
        String missing = dir.resolve("no-such.yaml").toString();

        CommandRun run = CommandRun.of("scan", missing);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no such file or directory: " + missing);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void standardInputIsScannedWithDash() {
        CommandRun run = CommandRun.withStdin(MALFORMED, "scan", "-");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("<stdin>").contains("CFS001");
    }

    @Test
    void standardInputCanBeNamedOnlyOnce() {
        CommandRun run = CommandRun.withStdin(MALFORMED, "scan", "-", "-");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'-' (standard input) can be given only once");
    }

    @Test
    void outputFileReceivesTheReportAndStdoutStaysEmpty() throws IOException {
        Path report = dir.resolve("report.sarif");

        CommandRun run =
                CommandRun.of(
                        "scan",
                        "-f",
                        "sarif",
                        "-o",
                        report.toString(),
                        write("bad.yaml", MALFORMED));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        JsonNode result = new ObjectMapper().readTree(report.toFile()).at("/runs/0/results/0");
        assertThat(result.path("ruleId").asText()).isEqualTo("CFS001");
        assertThat(result.has("suppressions")).isFalse();
    }

    @Test
    void unwritableOutputIsAUsageError() throws IOException {
        // A file where the report's folder should be: no folder can be created there.
        String target = write("taken", "a file").concat("/report.txt");

        CommandRun run = CommandRun.of("scan", "-o", target, write("clean.yaml", CLEAN));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write the report to " + target);
    }

    @Test
    void baselineRecordsFindingsThatThenComeBackSuppressed() throws IOException {
        String bad = write("bad.yaml", MALFORMED);
        Path baseline = dir.resolve("baseline.json");

        CommandRun record = CommandRun.of("scan", "--write-baseline", baseline.toString(), bad);

        assertThat(record.status()).isZero();
        assertThat(record.out()).isEmpty();
        assertThat(record.err()).contains("recorded 1 finding in " + baseline);
        JsonNode written = new ObjectMapper().readTree(baseline.toFile());
        assertThat(written.path("version").asInt()).isEqualTo(2);
        assertThat(written.path("findings")).hasSize(1);
        assertThat(written.path("findings").get(0).path("rule").asText()).isEqualTo("CFS001");
        assertThat(written.path("findings").get(0).path("fingerprint").asText())
                .matches("[0-9a-f]{64}");

        CommandRun rescan =
                CommandRun.of("scan", "-f", "sarif", "--baseline", baseline.toString(), bad);

        assertSuppressedByTheBaseline(rescan);
    }

    @Test
    void baselineLeavesNewFindingsFailing() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        CommandRun.of(
                "scan", "--write-baseline", baseline.toString(), write("old.yaml", MALFORMED));

        CommandRun run =
                CommandRun.of(
                        "scan",
                        "--baseline",
                        baseline.toString(),
                        dir.resolve("old.yaml").toString(),
                        write("new.yaml", MALFORMED));

        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void missingBaselineIsAConfigurationError() throws IOException {
        String missing = dir.resolve("none.json").toString();

        CommandRun run = CommandRun.of("scan", "--baseline", missing, write("clean.yaml", CLEAN));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(missing + ": cannot read the baseline file (no such file)");
    }

    @Test
    void configExcludesSkipMatchingPaths() throws IOException {
        // The configuration's folder is the root (no git here): the glob sees stacks/generated/….
        write("stacks/generated/bad.yaml", MALFORMED);
        write("clean.yaml", CLEAN);
        String config = write("config.yml", "exclude: ['**/generated/**']\n");

        CommandRun run = CommandRun.of("scan", "-c", config, dir.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain("CFS001");
    }

    @Test
    void configLevelOverrideDecidesAgainstFailOn() throws IOException {
        String bad = write("bad.yaml", MALFORMED);
        String config = write("config.yml", "rules:\n  levels:\n    CFS001: warning\n");

        CommandRun byDefault = CommandRun.of("scan", "-c", config, bad);
        CommandRun onWarning = CommandRun.of("scan", "-c", config, "--fail-on", "warning", bad);

        assertThat(byDefault.status()).isZero();
        assertThat(byDefault.out()).contains("warning CFS001");
        assertThat(onWarning.status()).isEqualTo(1);
    }

    @Test
    void configThresholdMovesTheEnvironmentSizeWarning() throws IOException {
        String env =
                "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n"
                        + "        Variables: {BIG: '"
                        + "x".repeat(3400)
                        + "'}\n";
        String template = write("near.yaml", env);
        String lower = write("lower.yml", "thresholds: {env-size-warning-percent: 80}\n");

        CommandRun byDefault = CommandRun.of("scan", "--fail-on", "warning", template);
        CommandRun withLowerThreshold =
                CommandRun.of("scan", "-c", lower, "--fail-on", "warning", template);

        assertThat(byDefault.status()).isZero();
        assertThat(withLowerThreshold.status()).isEqualTo(1);
        assertThat(withLowerThreshold.out()).contains("warning CFS202");
    }

    @Test
    void enableFlagTurnsBackOnWhatTheConfigDisables() throws IOException {
        String bad = write("bad.yaml", MALFORMED);
        String config = write("config.yml", "rules: {disable: [CFS001]}\n");

        assertThat(CommandRun.of("scan", "-c", config, bad).status()).isZero();
        assertThat(CommandRun.of("scan", "-c", config, "--enable", "CFS001", bad).status())
                .isEqualTo(1);
    }

    @Test
    void configBaselineResolvesAgainstTheConfigDirectory() throws IOException {
        String bad = write("bad.yaml", MALFORMED);
        Files.createDirectories(dir.resolve("conf"));
        CommandRun.of(
                "scan", "--write-baseline", dir.resolve("conf/accepted.json").toString(), bad);
        String config = write("conf/cfn-secrets.yml", "baseline: accepted.json\n");

        CommandRun run = CommandRun.of("scan", "-c", config, "-f", "sarif", bad);

        assertSuppressedByTheBaseline(run);
    }

    @Test
    void invalidConfigIsAUsageError() throws IOException {
        assertConfigIsAUsageError(
                "rules:\n  disabled: [CFS001]\n", "rules: unknown key 'disabled'");
    }

    @Test
    void anAllowPatternThatDoesNotCompileIsAUsageError() throws IOException {
        assertConfigIsAUsageError(
                "allow:\n  patterns: ['^dummy-', '[a-']\n",
                "allow.patterns[1]: not a valid regular expression"
                        + " (missing closing ]; RE2 syntax: no backreferences or lookaround)");
    }

    @Test
    void unknownLevelInConfigIsAUsageError() throws IOException {
        assertConfigIsAUsageError(
                "rules: {levels: {CFS001: critical}}\n",
                "rules.levels.CFS001: unknown level 'critical'");
    }

    /**
     * A SARIF scan of {@code MALFORMED} whose one finding the baseline holds: exit 0, CFS001
     * suppressed externally.
     */
    private static void assertSuppressedByTheBaseline(CommandRun run) throws IOException {
        assertThat(run.status()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).at("/runs/0/results/0");
        assertThat(result.path("ruleId").asText()).isEqualTo("CFS001");
        assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("external");
    }

    /**
     * A clean template scanned with {@code configText} as the config: exit 2, the file and {@code
     * error} on stderr, no report.
     */
    private void assertConfigIsAUsageError(String configText, String error) throws IOException {
        String config = write("config.yml", configText);

        CommandRun run = CommandRun.of("scan", "-c", config, write("clean.yaml", CLEAN));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(config + ": " + error);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingConfigFileIsAUsageError() throws IOException {
        String missing = dir.resolve("absent.yml").toString();

        CommandRun run = CommandRun.of("scan", "-c", missing, write("clean.yaml", CLEAN));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains(missing + ": cannot read the configuration file (no such file)");
    }
}
