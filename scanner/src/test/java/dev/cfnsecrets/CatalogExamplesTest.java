package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.Scanner;
import dev.cfnsecrets.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalog pages say what their rule does: each page's "Bad" example, scanned, gets a finding of
 * that rule, and its "Good" example gets none. Examples are snippets (an environment, one resource,
 * a policy document); they are wrapped into the smallest template around them, as a reader would.
 * An example with an elided value ({@code …}, the size rules' payloads) cannot be scanned as
 * written.
 */
class CatalogExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final String ELIDED = "…";

    private final Catalog catalog = Catalog.bundled();
    private final Scanner scanner = BuiltInRules.scanner(ScanOptions.DEFAULT, catalog);

    @TestFactory
    Stream<DynamicTest> badExamplesGetAFindingOfTheirRule() {
        return catalog.all().stream()
                .filter(
                        rule ->
                                example(rule, "Bad")
                                        .filter(CatalogExamplesTest::scannable)
                                        .isPresent())
                .map(
                        rule ->
                                DynamicTest.dynamicTest(
                                        rule.id(),
                                        () ->
                                                assertThat(ruleIds(scan(rule, "Bad")))
                                                        .as(
                                                                "rules/%s.md: rules reported on its Bad example",
                                                                rule.id())
                                                        .contains(rule.id())));
    }

    @TestFactory
    Stream<DynamicTest> goodExamplesGetNoFindingOfTheirRule() {
        return catalog.all().stream()
                .map(
                        rule ->
                                DynamicTest.dynamicTest(
                                        rule.id(),
                                        () ->
                                                assertThat(ruleIds(scan(rule, "Good")))
                                                        .as(
                                                                "rules/%s.md: rules reported on its Good example",
                                                                rule.id())
                                                        .doesNotContain(rule.id(), "CFS001")));
    }

    @Test
    void onlyTheSizeRulesElideTheirBadExample() {
        assertThat(
                        catalog.all().stream()
                                .filter(
                                        rule ->
                                                example(rule, "Bad")
                                                        .filter(CatalogExamplesTest::scannable)
                                                        .isEmpty())
                                .map(RuleDescription::id))
                .containsExactly("CFS201", "CFS202", "CFS203");
    }

    private List<Finding> scan(RuleDescription rule, String section) {
        String snippet =
                example(rule, section)
                        .orElseThrow(() -> new AssertionError(rule.id() + " has no " + section));
        return scanner.scan(new SourceFile(rule.id() + "-" + section + ".yaml", wrap(snippet)))
                .findings();
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    private static boolean scannable(String snippet) {
        return !snippet.contains(ELIDED);
    }

    /** The first YAML block of the page's section {@code ## NAME}. */
    private static Optional<String> example(RuleDescription rule, String name) {
        String[] sections = rule.helpMarkdown().split("(?m)^## ");
        for (String section : sections) {
            if (section.startsWith(name + "\n")) {
                Matcher block = YAML_BLOCK.matcher(section);
                return block.find() ? Optional.of(block.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The smallest template around a snippet: a policy document stays one; a function's properties
     * (indented 6) go into a Lambda function; resources (indented 2, or at the top without a
     * section) go under {@code Resources}; whole sections stay as they are.
     */
    private static String wrap(String snippet) {
        String first = snippet.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int indent = first.length() - first.stripLeading().length();
        if (first.startsWith("Statement:")) {
            return "Version: \"2012-10-17\"\n" + snippet;
        }
        String header = "AWSTemplateFormatVersion: \"2010-09-09\"\n";
        if (indent == 6) {
            return header
                    + "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                    + snippet;
        }
        if (indent == 2) {
            return header + "Resources:\n" + snippet;
        }
        if (first.matches("(Resources|Parameters|Outputs|Globals|Transform|Metadata):.*")) {
            return header + snippet;
        }
        List<String> indented = new ArrayList<>();
        snippet.lines().forEach(l -> indented.add(l.isEmpty() ? l : "  " + l));
        return header + "Resources:\n" + String.join("\n", indented) + "\n";
    }
}
