package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    void versionComesFromTheBuild() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out().strip()).matches("cfn-secrets \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
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
