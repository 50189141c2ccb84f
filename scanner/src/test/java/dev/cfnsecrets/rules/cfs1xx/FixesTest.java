package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mechanical edits that findings carry: applied to the text, the finding is gone and the file
 * still reads.
 */
class FixesTest {
    private static final ScanOptions CFS1 =
            ScanOptions.DEFAULT.withRules(List.of("CFS0", "CFS1"), List.of());

    private static ScanResult scan(String path, String text) {
        return BuiltInRules.scanner(CFS1).scan(new SourceFile(path, text));
    }

    /** Applies every fix of one rule, last edit first so earlier offsets stay valid. */
    private static String applyFixes(String path, String text, String rule) {
        SourceFile source = new SourceFile(path, text);
        List<Fix.Replacement> edits =
                scan(path, text).findings().stream()
                        .filter(f -> f.ruleId().equals(rule))
                        .flatMap(f -> f.fix().stream())
                        .flatMap(fix -> fix.replacements().stream())
                        .sorted(
                                Comparator.comparingInt(
                                                (Fix.Replacement r) ->
                                                        source.offset(
                                                                r.deleted().startLine(),
                                                                r.deleted().startColumn()))
                                        .reversed())
                        .toList();
        assertThat(edits).as("fixes for %s", rule).isNotEmpty();
        StringBuilder b = new StringBuilder(text);
        for (Fix.Replacement r : edits) {
            int from = source.offset(r.deleted().startLine(), r.deleted().startColumn());
            int to = source.offset(r.deleted().endLine(), r.deleted().endColumn());
            b.replace(from, to, r.inserted());
        }
        return b.toString();
    }

    private static List<String> rules(ScanResult result) {
        return result.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void deletingReservedVariablesLeavesAValidTemplate() {
        String text =
                TestTemplates.functionWithVariables(
                        String.join(
                                "\n",
                                "AWS_REGION: eu-west-1   # set by Lambda",
                                "TABLE: orders",
                                "_HANDLER: app.other"));
        String fixed = applyFixes("fn.yaml", text, "CFS109");
        assertThat(fixed)
                .doesNotContain("AWS_REGION")
                .doesNotContain("_HANDLER")
                .contains("          TABLE: orders\n");
        assertThat(rules(scan("fn.yaml", fixed))).doesNotContain("CFS109", "CFS001");
    }

    @Test
    void addingNoEchoInYamlAndJson() {
        String yaml =
                String.join(
                        "\n",
                        "Parameters:",
                        "  DbPassword:",
                        "    Type: String",
                        "  ApiToken: {Type: String}",
                        "Resources:",
                        "  T:",
                        "    Type: AWS::SNS::Topic",
                        "");
        String fixedYaml = applyFixes("p.yaml", yaml, "CFS108");
        assertThat(fixedYaml)
                .contains(
                        "  DbPassword:\n    NoEcho: true\n    Type: String",
                        "{NoEcho: true, Type: String}");
        assertThat(rules(scan("p.yaml", fixedYaml))).doesNotContain("CFS108", "CFS001");

        String json =
                "{\"Parameters\": {\"GitHubToken\": {\"Type\": \"String\"}},\n"
                        + " \"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}}}\n";
        String fixedJson = applyFixes("p.json", json, "CFS108");
        assertThat(rules(scan("p.json", fixedJson))).doesNotContain("CFS108", "CFS001");
    }
}
