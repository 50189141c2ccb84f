package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.report.BuildInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands that print information: rules, explain, --version, --help. */
class InfoCommandsTest {

    @Test
    void rulesListsTheCatalogAsATable() {
        CommandRun run = CommandRun.of("rules");

        assertThat(run.status()).isZero();
        assertThat(run.out().lines().findFirst())
                .hasValueSatisfying(
                        header -> assertThat(header).matches("ID\\s+LEVEL\\s+NAME\\s+SUMMARY"));
        assertThat(run.out())
                .containsPattern(
                        "(?m)^CFS001\\s+error\\s+template-unreadable\\s+A file that cannot be parsed");
    }

    @Test
    void explainPrintsTheFullHelpWithBadAndGoodExamples() {
        CommandRun run = CommandRun.of("explain", "cfs001");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .startsWith("# CFS001 template-unreadable (error)")
                .contains("## Why it matters", "## Bad", "## Good", "## Fix")
                .contains("Handler: app.handler   # duplicate key");
    }

    @Test
    void explainOfAnUnknownRuleIsAUsageError() {
        CommandRun run = CommandRun.of("explain", "NOPE");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown rule 'NOPE'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void versionSaysWhichBuildItIs() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .matches(
                        "cfn-secrets \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}|unknown),"
                                + " built \\d{4}-\\d{2}-\\d{2}\\)\\R");
        assertThat(run.err()).isEmpty();
    }

    /**
     * {@code --version} alone is answered without the subcommands' models; with them (a
     * subcommand's own option, or the top one's followed by a command) it says the same.
     */
    @Test
    void versionSaysTheSameWithOrWithoutTheSubcommands() {
        String version = CommandRun.of("--version").out();

        assertThat(CommandRun.of("-V").out()).isEqualTo(version);
        assertThat(CommandRun.of("scan", "--version").out()).isEqualTo(version);
        assertThat(CommandRun.of("--version", "scan").out()).isEqualTo(version);
    }

    @Test
    void helpStillListsTheSubcommands() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^  scan +Scan templates")
                .containsPattern("(?m)^  rules +List the rule catalog")
                .containsPattern("(?m)^  explain +Print one rule's full help")
                .containsPattern("(?m)^  help +Display help");
    }

    @Test
    void versionNamesTheCommitOfTheCheckoutItWasBuiltIn() throws Exception {
        Path repo = Path.of(System.getProperty("cfnsecrets.repo", ".."));
        String commit = BuildInfo.bundled().commit();

        if (Files.exists(repo.resolve(".git"))) {
            assertThat(git(repo, "rev-parse", "HEAD")).startsWith(commit).hasSize(40);
        } else {
            // A build from a source archive has no history to read.
            assertThat(commit).isEqualTo("unknown");
        }
        assertThat(CommandRun.of("--version").out()).contains("(commit " + commit + ",");
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as(out).isZero();
        return out.strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "rules", "explain"})
    void everyCommandHasHelp(String command) {
        CommandRun run = CommandRun.of(command, "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: cfn-secrets " + command);
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
    }
}
