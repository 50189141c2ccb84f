package dev.cfnsecrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.secrets.AllowList;
import dev.cfnsecrets.source.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final Path ORIGIN = Path.of("/repo/.cfn-secrets.yml");
    private final ConfigLoader loader = new ConfigLoader(Catalog.bundled());

    @Test
    void readsEveryKey() {
        Config config =
                loader.parse(
                        """
                rules:
                  enable: [cfs0]
                  disable: [CFS001]
                  levels: {CFS001: warning}
                limits: {max-file-bytes: 2048, max-aliases: 5, max-depth: 40}
                thresholds: {env-size-warning-percent: 75}
                exclude: ["test/**", "**/generated/*.json"]
                baseline: ci/baseline.json
                """,
                        ORIGIN);

        assertThat(config.enable()).containsExactly("CFS0");
        assertThat(config.disable()).containsExactly("CFS001");
        assertThat(config.levels()).isEqualTo(Map.of("CFS001", Level.WARNING));
        assertThat(config.limits()).isEqualTo(new Limits(2048, 5, 40));
        assertThat(config.settings().envSizeWarningPercent()).isEqualTo(75);
        assertThat(config.exclude()).containsExactly("test/**", "**/generated/*.json");
        assertThat(config.baseline()).contains(Path.of("/repo/ci/baseline.json"));
    }

    @Test
    void absentKeysKeepTheDefaults() {
        Config config = loader.parse("limits: {max-depth: 50}\n", ORIGIN);

        assertThat(config.limits())
                .isEqualTo(
                        new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.maxAliases(), 50));
        assertThat(config.enable()).isEmpty();
        assertThat(config.settings()).isEqualTo(RuleSettings.DEFAULT);
        assertThat(config.baseline()).isEqualTo(Optional.empty());
    }

    @Test
    void readsTheAllowList() {
        Config config =
                loader.parse(
                        """
                allow:
                  values:   ["test-password-not-real", "AKIAIOSFODNN7EXAMPLE"]
                  patterns: ["^dummy-", "(?i)example"]
                """,
                        ORIGIN);

        AllowList allow = config.settings().allow();
        assertThat(allow.values())
                .containsExactlyInAnyOrder("test-password-not-real", "AKIAIOSFODNN7EXAMPLE");
        assertThat(allow.patterns())
                .extracting(Pattern::pattern)
                .containsExactly("^dummy-", "(?i)example");
        assertThat(config.settings().envSizeWarningPercent())
                .isEqualTo(RuleSettings.DEFAULT.envSizeWarningPercent());
    }

    @Test
    void anAllowListWithOnlyValuesHasNoPatterns() {
        AllowList allow =
                loader.parse("allow: {values: [s3cret-for-tests]}\n", ORIGIN).settings().allow();

        assertThat(allow).isEqualTo(new AllowList(Set.of("s3cret-for-tests"), List.of()));
        assertThat(loader.parse("limits: {}\n", ORIGIN).settings().allow())
                .isEqualTo(AllowList.NONE);
    }

    @Test
    void aPatternThatDoesNotCompileNamesItsIndexAndTheRegexError() {
        assertThatThrownBy(
                        () -> loader.parse("allow: {patterns: ['^ok$', '(?i)example(']}\n", ORIGIN))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "allow.patterns[1]: not a valid regular expression (missing closing ); RE2 syntax: no backreferences or lookaround)");
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration() {
        assertThat(loader.parse("# nothing configured yet\n", ORIGIN)).isEqualTo(Config.EMPTY);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rule: {}                                 | the top level: unknown key 'rule'",
                "limits: {max-size: 10}                   | limits: unknown key 'max-size'",
                "rules: [CFS001]                          | rules: expected a map of keys, found a list",
                "rules: {enable: CFS001}                  | rules.enable: expected a list of strings, found 'CFS001'",
                "rules: {disable: [CFS9]}                 | rules.disable: 'CFS9' is not a rule id or prefix",
                "rules: {disable: ['']}                   | rules.disable: '' is not a rule id or prefix",
                "rules: {levels: {CFS001: critical}}      | rules.levels.CFS001: unknown level 'critical'",
                "rules: {levels: {CFS999: note}}          | rules.levels: unknown rule 'CFS999'",
                "limits: {max-file-bytes: 10MB}           | limits.max-file-bytes: expected a whole number, found '10MB'",
                "limits: {max-depth: 0}                   | limits.max-depth: 0 is out of range",
                "thresholds: {env-size-warning-percent: 101} | thresholds.env-size-warning-percent: 101 is out of range",
                "thresholds: {env-size: 80}               | thresholds: unknown key 'env-size'",
                "exclude: ['src/[a-']                     | exclude: 'src/[a-' is not a valid glob",
                "allow: {value: [x]}                      | allow: unknown key 'value' (expected one of patterns, values)",
                "allow: [x]                               | allow: expected a map of keys, found a list",
                "allow: {values: x}                       | allow.values: expected a list of strings, found 'x'",
                "allow: {values: [{a: 1}]}                | allow.values: expected a string, found a map",
                "allow: {patterns: [42]}                  | allow.patterns: expected a string, found '42'",
                "allow: {patterns: ['']}                  | allow.patterns[0]: the pattern matches the empty string, so it would allow every secret",
                "baseline: [a, b]                         | baseline: expected a string, found a list",
                "- just a list                            | the top level: expected a map of keys, found a list",
                "rules: {enable: [CFS001], enable: [CFS]} | not valid YAML",
            })
    void rejectsWhatItDoesNotKnow(String text, String message) {
        assertThatThrownBy(() -> loader.parse(text, ORIGIN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void loadNamesTheFileInItsErrors() {
        Path missing = Path.of("/no/such/dir/.cfn-secrets.yml");

        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": cannot read the configuration file (no such file)");
    }

    @Test
    void ruleSelectionUpperCasesIdsAndPrefixes() {
        assertThat(loader.ruleSelection(List.of("cfs001", " CFS0 "), "--enable"))
                .containsExactly("CFS001", "CFS0");
    }
}
