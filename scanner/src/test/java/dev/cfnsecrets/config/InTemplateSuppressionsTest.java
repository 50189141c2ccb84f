package dev.cfnsecrets.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Suppressions in templates, ours and the peers'. The fixtures under {@code fixtures/suppression}
 * mark suppressed findings {@code ok} (the fixture harness counts only findings that fail the
 * scan); here they must come back suppressed, in source, with a justification that names the key.
 */
class InTemplateSuppressionsTest {
    private static final Path SUPPRESSION = Fixtures.root().resolve("suppression");

    @Test
    void suppressedFixtureFindingsComeBackWithTheKeyThatSuppressedThem() {
        List<String> suppressed = new ArrayList<>();
        for (Finding f : scan()) {
            f.suppression()
                    .ifPresent(
                            s ->
                                    suppressed.add(
                                            where(f)
                                                    + " "
                                                    + f.ruleId()
                                                    + " "
                                                    + s.kind()
                                                    + " "
                                                    + s.justification()));
        }

        assertThat(suppressed)
                .containsExactlyInAnyOrder(
                        "own-key.yaml:21 CFS102 IN_SOURCE placeholder for the local stack, replaced at deploy time",
                        "cfn-lint.yaml:19 CFS109 IN_SOURCE cfn-lint ignore_checks E3663",
                        "cfn-lint-template.yaml:10 CFS108 IN_SOURCE cfn-lint ignore_checks W2501 in the template Metadata",
                        "cfn-lint-template.yaml:20 CFS111 IN_SOURCE cfn-lint ignore_checks W2501 in the template Metadata",
                        "checkov.yaml:21 CFS102 IN_SOURCE checkov skip CKV_AWS_45: test stack with a throwaway password",
                        "checkov.yaml:22 CFS110 IN_SOURCE checkov skip CKV_AWS_173: the AWS managed key is enough for this function",
                        "checkov.yaml:64 CFS303 IN_SOURCE checkov skip CKV_AWS_33: public test key",
                        "cfn_nag.yaml:19 CFS111 IN_SOURCE cfn_nag rules_to_suppress F23: throwaway database of the integration tests");
    }

    @Test
    void everyOkMarkOfTheSuppressionFixturesIsASuppressedFinding() {
        TreeSet<String> okMarks = new TreeSet<>();
        Fixtures.read(Fixtures.root()).ok.stream()
                .filter(m -> m.file().startsWith("suppression/"))
                .forEach(
                        m ->
                                okMarks.add(
                                        m.file().substring("suppression/".length())
                                                + ":"
                                                + m.line()
                                                + " "
                                                + m.rule()));
        TreeSet<String> suppressed = new TreeSet<>();
        scan().stream()
                .filter(Finding::isSuppressed)
                .forEach(f -> suppressed.add(where(f) + " " + f.ruleId()));

        assertThat(suppressed).isEqualTo(okMarks).isNotEmpty();
    }

    @Test
    void aFindingThatNamesNoResourceIsSuppressedOnlyByTheTemplateLevelKey() {
        String resourceKeyOnly =
                """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata: {cfn-lint: {config: {ignore_checks: [W2501]}}}
                """;
        String templateKey =
                "Metadata: {cfn-lint: {config: {ignore_checks: [W2501]}}}\n" + resourceKeyOnly;
        Finding fileLevel = finding("CFS111", null);
        Finding onDb = finding("CFS111", "Db");

        assertThat(justifications(resourceKeyOnly, fileLevel, onDb))
                .containsExactly("not suppressed", "cfn-lint ignore_checks W2501");
        assertThat(justifications(templateKey, fileLevel, onDb))
                .containsExactly(
                        "cfn-lint ignore_checks W2501 in the template Metadata",
                        "cfn-lint ignore_checks W2501");
    }

    @Test
    void ourOwnReasonIsKeptWhereAPeerKeyCoversTheSameRule() {
        String text =
                """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      cfn_nag: {rules_to_suppress: [{id: F23, reason: from the cfn_nag days}]}
                      cfn-secrets: {ignore: [{id: cfs111, reason: rotated by the pipeline}]}
                """;

        assertThat(justifications(text, finding("CFS111", "Db")))
                .containsExactly("rotated by the pipeline");
    }

    @Test
    void peerKeysOfTheWrongShapeOrWithoutIdsSuppressNothing() {
        String text =
                """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      cfn_nag: {rules_to_suppress: [F23, {reason: no id}]}
                      checkov: {skip: CKV_AWS_384}
                      cfn-lint: {ignore_checks: [W2501]}
                """;

        assertThat(justifications(text, finding("CFS111", "Db"))).containsExactly("not suppressed");
    }

    @Test
    void everyMappedIdIsARuleOfOurs() {
        TreeSet<String> ours = new TreeSet<>();
        PeerRuleIds.bundled().all().values().forEach(byId -> byId.values().forEach(ours::addAll));
        TreeSet<String> catalog = new TreeSet<>();
        Catalog.bundled().all().forEach(r -> catalog.add(r.id()));

        assertThat(PeerRuleIds.bundled().all()).containsOnlyKeys("cfn-lint", "checkov", "cfn_nag");
        assertThat(catalog).containsAll(ours);
        assertThat(PeerRuleIds.bundled().ours("cfn_nag", "F23")).containsExactly("CFS111");
        assertThat(PeerRuleIds.bundled().ours("cfn_nag", "W35")).isEmpty();
    }

    /**
     * The justification of each finding after the template's suppression keys apply, or "not
     * suppressed".
     */
    private static List<String> justifications(String text, Finding... findings) {
        return InTemplateSuppressions.apply(template(text), List.of(findings)).stream()
                .map(f -> f.suppression().map(Suppression::justification).orElse("not suppressed"))
                .toList();
    }

    private static List<Finding> scan() {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(List.of(SUPPRESSION.toString()), NoStdin::read)
                .findings();
    }

    private static String where(Finding f) {
        return SUPPRESSION
                        .relativize(Path.of(f.file()).toAbsolutePath().normalize())
                        .toString()
                        .replace('\\', '/')
                + ":"
                + f.span().startLine();
    }

    private static Template template(String text) {
        return ((Document.TemplateDocument)
                        new DocumentLoader(Limits.DEFAULT).parse(new SourceFile("t.yaml", text)))
                .template();
    }

    private static Finding finding(String rule, String logicalId) {
        return new Finding(
                rule,
                Level.ERROR,
                "a finding",
                "t.yaml",
                new Span(1, 1, 1, 2),
                logicalId,
                logicalId == null ? "" : "Resources/" + logicalId,
                null,
                List.of(),
                List.of(),
                "value",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
