package dev.cfnsecrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.scan.ScanOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {
    private final ConfigLoader loader = new ConfigLoader(Catalog.bundled());

    private Config file(String yaml) {
        return loader.parse(yaml, Path.of("/repo/.cfn-secrets.yml"));
    }

    private ScanOptions apply(List<String> enable, List<String> disable, Config fileConfig) {
        return RuleSelection.of(loader, enable, "enable", disable, "disable")
                .applyTo(ScanOptions.from(fileConfig), fileConfig);
    }

    /** Which of {@code ids} the options run. */
    private static List<String> running(ScanOptions options, String... ids) {
        return Arrays.stream(ids).filter(options::runs).toList();
    }

    @Test
    void withoutARunSelectionTheFileDecides() {
        Config fileConfig = file("rules: {enable: [CFS1], disable: [CFS104]}");

        ScanOptions options = apply(null, null, fileConfig);

        assertThat(options.enable()).containsExactly("CFS1");
        assertThat(options.disable()).containsExactly("CFS104");
        assertThat(running(options, "CFS101", "CFS104", "CFS001")).containsExactly("CFS101");
    }

    @Test
    void theRunsEnableReplacesTheFilesAndTurnsBackOnWhatTheFileDisabledAmongIt() {
        Config fileConfig = file("rules: {enable: [CFS1], disable: [CFS104, CFS3]}");

        ScanOptions options = apply(List.of("cfs104", "CFS0"), List.of(), fileConfig);

        assertThat(options.enable()).containsExactly("CFS104", "CFS0");
        assertThat(options.disable()).containsExactly("CFS3");
        assertThat(running(options, "CFS104", "CFS001", "CFS101", "CFS301"))
                .containsExactly("CFS104", "CFS001");
    }

    @Test
    void theRunsDisableAddsToTheFiles() {
        Config fileConfig = file("rules: {disable: [CFS104]}");

        ScanOptions options = apply(List.of(), List.of("CFS3"), fileConfig);

        assertThat(options.disable()).containsExactly("CFS104", "CFS3");
        assertThat(running(options, "CFS301", "CFS104", "CFS101")).containsExactly("CFS101");
    }

    @Test
    void anEnabledRuleThatADisabledPrefixCoversIsAConflictNamedInTheRunsWords() {
        RuleSelection selection =
                RuleSelection.of(
                        loader,
                        List.of("CFS101", "CFS2"),
                        "--enable",
                        List.of("CFS1"),
                        "--disable");

        assertThat(selection.conflicts())
                .containsExactly(
                        "--enable CFS101 and --disable CFS1 conflict: --disable wins, so CFS101"
                                + " is not reported; drop one of them");
    }

    @Test
    void disablingOneRuleOfAnEnabledGroupIsNoConflict() {
        RuleSelection selection =
                RuleSelection.of(loader, List.of("CFS1"), "enable", List.of("CFS104"), "disable");

        assertThat(selection.conflicts()).isEmpty();
        ScanOptions options = selection.applyTo(ScanOptions.DEFAULT, Config.EMPTY);
        assertThat(running(options, "CFS101", "CFS104")).containsExactly("CFS101");
    }

    @Test
    void anUnknownRuleIsAConfigurationErrorNamingTheList() {
        assertThatThrownBy(
                        () ->
                                RuleSelection.of(
                                        loader, List.of("CFS9"), "enable", List.of(), "disable"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable: 'CFS9' is not a rule id or prefix");
    }
}
