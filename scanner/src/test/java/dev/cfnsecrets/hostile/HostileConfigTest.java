package dev.cfnsecrets.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.cli.FreshJvmRun;
import dev.cfnsecrets.report.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request may change the {@code .cfn-secrets.yml} it is scanned with. Each test is one way
 * it could turn the scan green or read outside the repository: a setting that hides findings must
 * be said in every format with what it hid; a file named outside the repository, or not a regular
 * file, is refused (exit 2) without being read; {@code --no-repo-config} ignores the file.
 *
 * <p>Each run is a fresh JVM in the repository's directory: the default configuration is the
 * working directory's, which an in-process run cannot change.
 */
class HostileConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first line of a file outside the repository: it must never show in a message. */
    private static final String OUTSIDE_SECRET = "AKIAZ7QHX3PLM4RTW2VN";

    @TempDir Path base;
    private Path repo;

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(base.resolve("work/repo"));
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve("template.yaml"), HostileTemplates.LEAKING);
    }

    @Test
    void disablingEveryRuleIsSaidWithWhatItHid() throws Exception {
        config("rules: {disable: [CFS]}\n");

        assertNotice("rules-disabled", "CFS", 2, "rules CFS disabled: 2 findings not reported");
    }

    @Test
    void excludingEverythingIsWarnedAboutWithWhatItHid() throws Exception {
        config("exclude: [\"**\"]\n");

        FreshJvmRun run = cfnSecrets("scan", "template.yaml");

        // Not a usage error: the pre-commit hook names staged templates that may be excluded.
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("exclude '**': 1 file not scanned");
        assertThat(run.err())
                .startsWith("cfn-secrets: warning: no template read in template.yaml (0 skipped)")
                .contains("check the configuration's exclude");
    }

    @Test
    void excludingATemplateIsSaidWithTheFilesNotScanned() throws Exception {
        config("exclude: [\"template.yaml\"]\n");
        Files.writeString(repo.resolve("clean.yaml"), HostileTemplates.ENVIRONMENT);

        FreshJvmRun run =
                assertNotice(
                        "paths-excluded",
                        "template.yaml",
                        1,
                        "exclude 'template.yaml': 1 file not scanned",
                        ".");
        assertThat(run.out()).contains("cfn-secrets: 1 file scanned").doesNotContain("DB_PASSWORD");
    }

    @Test
    void loweringALevelIsSaidWithTheFindingsItLowered() throws Exception {
        config("rules: {levels: {CFS102: note}}\n");

        assertNotice(
                "level-lowered",
                "CFS102: note",
                1,
                "level of CFS102 lowered from error to note: 1 finding reported as note");
    }

    @Test
    void aBaselineAddedInTheSameChangeIsSaidWithWhatItSuppressed() throws Exception {
        assertThat(
                        cfnSecrets("scan", "--write-baseline", "accepted.json", "template.yaml")
                                .status())
                .isZero();
        config("baseline: accepted.json\n");

        assertNotice("baseline", "baseline", 2, "baseline: 2 findings suppressed");
    }

    @Test
    void anAllowedValueIsSaidWithTheValuesAllowed() throws Exception {
        config("allow: {values: [Zq8vN3pLx7Rt2Wm9Kd4H]}\n");

        assertNotice(
                "values-allowed",
                "allow",
                1,
                "allow list: 1 value allowed (not reported as secrets)");
    }

    @Test
    void aBaselineAboveTheRepositoryIsRefusedUnread() throws Exception {
        Files.writeString(base.resolve("outside.json"), OUTSIDE_SECRET + "\n");
        config("baseline: ../../outside.json\n");

        assertOutside("baseline", "../../outside.json");
    }

    @Test
    void aBaselineAtAnAbsolutePathOutsideIsRefusedUnread() throws Exception {
        Path outside = Files.writeString(base.resolve("outside.json"), OUTSIDE_SECRET + "\n");
        config("baseline: " + outside + "\n");

        assertOutside("baseline", outside);
    }

    @Test
    void aBaselineOfDevZeroIsRefusedUnread() throws Exception {
        config("baseline: /dev/zero\n");

        assertOutside("baseline", "/dev/zero");
    }

    @Test
    void aLinkInsideTheRepositoryToOutsideIsRefused() throws Exception {
        Path outside = Files.writeString(base.resolve("outside.json"), OUTSIDE_SECRET + "\n");
        Files.createSymbolicLink(repo.resolve("baseline.json"), outside);
        config("baseline: baseline.json\n");

        assertOutside("baseline", "baseline.json");
    }

    @Test
    void aFifoInsideTheRepositoryIsRefusedUnread() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", repo.resolve("rules.yml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        config("custom-rules: [rules.yml]\n");

        assertRefused("custom-rules: 'rules.yml' is not a regular file");
    }

    @Test
    void customRulesFromOutsideAreRefusedWithoutQuotingThem() throws Exception {
        Path outside =
                Files.writeString(
                        base.resolve("passwd"), OUTSIDE_SECRET + ":x:0:0:root:/root:/bin/bash\n");
        config("custom-rules: [" + outside + "]\n");

        assertOutside("custom-rules", outside);
    }

    @Test
    void aBaselineThatIsNotJsonIsNamedWithoutQuotingIt() throws Exception {
        Files.writeString(repo.resolve(".env"), OUTSIDE_SECRET + "=1\n");
        config("baseline: .env\n");

        FreshJvmRun run = cfnSecrets("scan", "template.yaml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "cfn-secrets: "
                                + repo.toRealPath().resolve(".env")
                                + ": not a baseline file (invalid JSON: unexpected content at line 1, column 1)\n");
    }

    @Test
    void customRulesThatAreNotYamlAreNamedWithoutQuotingThem() throws Exception {
        Files.writeString(repo.resolve("rules.yml"), "rules: [" + OUTSIDE_SECRET + "\n: : {\n");
        config("custom-rules: [rules.yml]\n");

        FreshJvmRun run = cfnSecrets("scan", "template.yaml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .doesNotContain(OUTSIDE_SECRET)
                .startsWith(
                        "cfn-secrets: .cfn-secrets.yml: custom-rules: rules.yml: not valid YAML at line ");
    }

    @Test
    void noRepoConfigIgnoresTheWorkingDirectorysConfiguration() throws Exception {
        config("rules: {disable: [CFS]}\nexclude: [\"**\"]\n");

        FreshJvmRun run = cfnSecrets("scan", "--no-repo-config", "template.yaml");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .doesNotContain("cfn-secrets: configuration:")
                .contains("error CFS102 Variable DB_PASSWORD")
                .endsWith(
                        "cfn-secrets: 1 file scanned, 0 skipped: 1 error, 0 warnings, 1 note, 0 suppressed\n");
    }

    @Test
    void noRepoConfigStillAppliesAnExplicitConfigAndSaysWhatItHides() throws Exception {
        config("rules: {disable: [CFS]}\n");
        Files.writeString(base.resolve("trusted.yml"), "rules: {disable: [CFS110]}\n");

        FreshJvmRun run =
                cfnSecrets(
                        "scan",
                        "--no-repo-config",
                        "-c",
                        base.resolve("trusted.yml").toString(),
                        "template.yaml");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "cfn-secrets: configuration: rules CFS110 disabled: 1 finding not reported\n")
                .doesNotContain("rules CFS disabled");
    }

    /**
     * The scan passes, and says {@code message} as a text line, a GitHub warning, a JSON {@code
     * configuration} entry and a SARIF tool configuration notification, each with the count.
     */
    private FreshJvmRun assertNotice(String kind, String setting, long count, String message)
            throws Exception {
        return assertNotice(kind, setting, count, message, "template.yaml");
    }

    /** {@code target}: the path scanned, from the repository. */
    private FreshJvmRun assertNotice(
            String kind, String setting, long count, String message, String target)
            throws Exception {
        FreshJvmRun text = cfnSecrets("scan", target);
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out().lines()).contains("cfn-secrets: configuration: " + message);

        FreshJvmRun github = cfnSecrets("scan", "--format", "github", target);
        assertThat(github.out().lines())
                .contains("::warning title=cfn-secrets configuration::" + message);

        JsonNode json = JSON.readTree(cfnSecrets("scan", "--format", "json", target).out());
        assertThat(json.path("configuration").toString())
                .isEqualTo(
                        JSON.createArrayNode()
                                .add(
                                        JSON.createObjectNode()
                                                .put("kind", kind)
                                                .put("setting", setting)
                                                .put("count", count)
                                                .put("message", message))
                                .toString());

        String sarifText = cfnSecrets("scan", "--format", "sarif", target).out();
        assertThat(SarifSchema.violations(sarifText)).isEmpty();
        JsonNode sarif = JSON.readTree(sarifText);
        JsonNode invocation = sarif.path("runs").path(0).path("invocations").path(0);
        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        JsonNode notifications = invocation.path("toolConfigurationNotifications");
        assertThat(notifications.size()).isEqualTo(1);
        assertThat(notifications.path(0).path("message").path("text").asText()).isEqualTo(message);
        assertThat(notifications.path(0).path("descriptor").path("id").asText()).isEqualTo(kind);
        assertThat(notifications.path(0).path("properties").path("count").asLong())
                .isEqualTo(count);
        assertThat(notifications.path(0).path("properties").path("setting").asText())
                .isEqualTo(setting);
        return text;
    }

    /**
     * Exit 2 with exactly {@code problem} about the working directory's configuration, nothing
     * quoted from the file.
     */
    private void assertOutside(String setting, Object named) throws Exception {
        assertRefused(
                setting
                        + ": '"
                        + named
                        + "' is outside the repository ("
                        + repo.toRealPath()
                        + "): only files inside it may be named");
    }

    private void assertRefused(String problem) throws Exception {
        FreshJvmRun run = cfnSecrets("scan", "template.yaml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("cfn-secrets: .cfn-secrets.yml: " + problem + "\n")
                .doesNotContain(OUTSIDE_SECRET);
    }

    private void config(String text) throws IOException {
        Files.writeString(repo.resolve(".cfn-secrets.yml"), text);
    }

    /** {@code cfn-secrets ARGS} in a fresh JVM whose working directory is the repository. */
    private FreshJvmRun cfnSecrets(String... args) throws Exception {
        return FreshJvmRun.in(repo, base, args);
    }
}
