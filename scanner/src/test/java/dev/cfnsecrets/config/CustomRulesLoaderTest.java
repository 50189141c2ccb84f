package dev.cfnsecrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.CustomRuleDefinition;
import dev.cfnsecrets.catalog.CustomRuleDefinition.Expectation;
import dev.cfnsecrets.catalog.Precision;
import dev.cfnsecrets.finding.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code custom-rules} key: files validated against rules/custom-rule.schema.json, and their
 * rules.
 */
class CustomRulesLoaderTest {
    private static final String RULE = rule("id: ACME001");

    /** A valid rule file, with one key of its rule replaced (or added) by {@code change}. */
    private static String rule(String change) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("id", "id: ACME001");
        keys.put("message", "message: Function {resource} has no KmsKeyArn");
        keys.put("resource-types", "resource-types: [AWS::Lambda::Function]");
        keys.put("path", "path: Properties/KmsKeyArn");
        keys.put("when-missing", "when-missing: report");
        keys.put("must", "must: {type: string, pattern: '^arn:'}");
        keys.put(change.substring(0, change.indexOf(':')), change);
        return "rules:\n  - " + String.join("\n    ", keys.values()) + "\n";
    }

    @TempDir Path dir;

    private final ConfigLoader loader = new ConfigLoader(Catalog.bundled());

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Config load(String config) throws IOException {
        return loader.load(write(".cfn-secrets.yml", config));
    }

    @Test
    void readsARuleWithItsDefaults() throws IOException {
        write("ci/acme.yml", RULE);

        Config config =
                load(
                        "custom-rules: [ci/acme.yml]\nrules: {levels: {ACME001: error}, disable: [ACME]}\n");

        CustomRuleDefinition rule = config.customRules().get(0);
        assertThat(config.customRules()).hasSize(1);
        assertThat(rule.id()).isEqualTo("ACME001");
        assertThat(rule.level()).isEqualTo(Level.WARNING);
        assertThat(rule.name()).isEqualTo("acme001");
        assertThat(rule.summary()).isEqualTo("Function <resource> has no KmsKeyArn");
        assertThat(rule.securitySeverity()).isEqualTo(5.0);
        assertThat(rule.precision()).isEqualTo(Precision.HIGH);
        assertThat(rule.resourceTypes()).containsExactly("AWS::Lambda::Function");
        assertThat(rule.path()).containsExactly("Properties", "KmsKeyArn");
        assertThat(rule.expectation()).isEqualTo(Expectation.MUST);
        assertThat(rule.reportWhenMissing()).isTrue();
        assertThat(rule.definedIn()).isEqualTo("ci/acme.yml");
        assertThat(config.levels()).isEqualTo(Map.of("ACME001", Level.ERROR));
        assertThat(config.disable()).containsExactly("ACME");
    }

    @Test
    void theCatalogDescribesCustomRulesWithTheirSchema() throws IOException {
        write("acme.yml", RULE);
        Config config = load("custom-rules: [acme.yml]\n");

        Catalog catalog = Catalog.bundled().withCustomRules(config.customRules());

        var description = catalog.get("ACME001");
        assertThat(description.isCustom()).isTrue();
        assertThat(description.helpMarkdown())
                .contains(
                        "`Properties/KmsKeyArn` of `AWS::Lambda::Function` must satisfy",
                        "{\"type\":\"string\",\"pattern\":\"^arn:\"}",
                        "Custom rule from `acme.yml`");
        assertThat(catalog.get("CFS101").isCustom()).isFalse();
        assertThat(catalog.customRules())
                .extracting(CustomRuleDefinition::id)
                .containsExactly("ACME001");
    }

    @Test
    void aWildcardPathIsReadAndDescribed() throws IOException {
        write("acme.yml", rule("path: Properties/Environment/Variables/*"));
        Config config = load("custom-rules: [acme.yml]\n");

        CustomRuleDefinition rule = config.customRules().get(0);
        assertThat(rule.path()).containsExactly("Properties", "Environment", "Variables", "*");
        assertThat(rule.description().helpMarkdown())
                .contains(
                        "Each match of `Properties/Environment/Variables/*` of `AWS::Lambda::Function`"
                                + " (`*`: every item of a list or value of a map) must satisfy",
                        "a resource without `Properties/Environment/Variables` is reported too");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // A bad id: the schema's pattern.
                "id: acme-1            | /rules/0/id: does not match the regex pattern",
                // Our namespace, said plainly.
                "id: CFS900            | rule CFS900: ids starting with CFS are reserved for the built-in rules",
                // A typo is an error, with the rule named.
                "levle: error          | rule ACME001 at /rules/0: property 'levle' is not defined in the schema",
                "level: critical       | rule ACME001 at /rules/0/level: does not have a value in the enumeration",
                "resource-types: []    | rule ACME001 at /rules/0/resource-types: must have at least 1 items",
                "resource-types: [Lambda] | rule ACME001 at /rules/0/resource-types/0: does not match the regex pattern",
                "must-not: {}          | rule ACME001 at /rules/0: must be valid to one and only one schema",
                // The embedded schema must itself be a schema: the meta-schema, then compiling it.
                "must: {type: strin}   | rule ACME001 at /rules/0/must/type: does not have a value in the enumeration",
                "must: {pattern: '['}  | rule ACME001 at /rules/0/must: not a usable JSON Schema (error parsing regexp: missing closing ]",
                "must: {$ref: 'https://example.com/s.json'} | rule ACME001 at /rules/0/must: not a usable JSON Schema",
                "must: {$ref: '#/$defs/nope'} | rule ACME001 at /rules/0/must: not a usable JSON Schema (Reference /$defs/nope cannot be resolved)",
                "message: 'Fn {resorce} lacks a key' | rule ACME001 at /rules/0/message: unknown placeholder {resorce}",
                // '*' is a whole step (every item or value), not a glob, and the path starts with a
                // name.
                "path: Properties/Environment/Variables/DB_* | rule ACME001 at /rules/0/path: does not match the regex pattern",
                "path: '*/Runtime'     | rule ACME001 at /rules/0/path: does not match the regex pattern",
            })
    void rejectsABadRuleNamingFileRuleAndPointer(String change, String message) throws IOException {
        write("acme.yml", rule(change));

        assertThatThrownBy(() -> load("custom-rules: [acme.yml]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        dir.resolve(".cfn-secrets.yml") + ": custom-rules: acme.yml: ")
                .hasMessageContaining(message);
    }

    @Test
    void idsMustBeUnique() throws IOException {
        write("a.yml", RULE);
        write("b.yml", RULE);

        assertThatThrownBy(() -> load("custom-rules: [a.yml, b.yml]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "custom-rules: b.yml: rule ACME001 at /rules/0: the id ACME001 is already used in a.yml");
    }

    @Test
    void aMissingFileOrBadYamlIsNamed() throws IOException {
        assertThatThrownBy(() -> load("custom-rules: [nope.yml]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(
                        "custom-rules: nope.yml: cannot read the custom rules (no such file)");

        write("bad.yml", "rules: [\n");
        assertThatThrownBy(() -> load("custom-rules: [bad.yml]\n"))
                .hasMessageContaining("custom-rules: bad.yml: not valid YAML");
    }

    @Test
    void ruleIdsInTheConfigurationMustStillExist() throws IOException {
        write("acme.yml", RULE);

        assertThatThrownBy(
                        () -> load("custom-rules: [acme.yml]\nrules: {levels: {ACME002: note}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.levels: unknown rule 'ACME002'");
        assertThat(load("rules: {enable: [CFS1]}\n").customRules()).isEqualTo(List.of());
    }
}
