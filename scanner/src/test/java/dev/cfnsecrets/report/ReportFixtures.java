package dev.cfnsecrets.report;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inputs shared by the reporter tests: real scans of small files, and findings built by hand; and
 * {@link #render}, how every test turns a result into a report.
 */
public final class ReportFixtures {
    /** Planted credentials: shaped like the real thing, valid for nothing. */
    static final String GITHUB_TOKEN = "ghp_" + "R4nd0mT0k3nF0rT3st1ng0nlyAbCdEfGh123";

    static final String AWS_KEY_ID = "AKIA" + "Z7QX3MPLE4K2T9WB";

    static final String TEMPLATE_PATH = "app/template.yaml";
    static final String TEMPLATE =
            String.join("\n", "Parameters:", "  Token:", "    Type: String", "")
                    + TestTemplates.functionWithVariables(
                            String.join(
                                    "\n",
                                    "GITHUB_TOKEN: " + GITHUB_TOKEN,
                                    "DEPLOY_KEY: " + AWS_KEY_ID));

    /** Line 10, the GitHub token's value. */
    static final Span TOKEN_SPAN = new Span(10, 25, 10, 25 + GITHUB_TOKEN.length());

    /** Line 11, the AWS key id's value. */
    static final Span KEY_SPAN = new Span(11, 23, 11, 23 + AWS_KEY_ID.length());

    private ReportFixtures() {}

    /**
     * A two-rule catalog, independent of what the bundled one holds today, written to a new folder
     * "rules" in {@code temp}.
     */
    static Catalog testCatalog(Path temp) throws IOException {
        Path dir = Files.createDirectory(temp.resolve("rules"));
        Files.writeString(
                dir.resolve("CFS101.md"),
                String.join(
                        "\n",
                        "---",
                        "id: CFS101",
                        "level: error",
                        "name: credential-in-env",
                        "summary: A credential of a known format in a function's environment.",
                        "cwe: [CWE-798, CWE-526]",
                        "kind: security",
                        "security-severity: 9.5",
                        "precision: high",
                        "---",
                        "## Why it matters",
                        "",
                        "Anyone who can read the `function configuration` can read the credential.",
                        "",
                        "## Bad",
                        "",
                        "```yaml",
                        "API_KEY: ghp_…",
                        "```",
                        "",
                        "## Fix",
                        "",
                        "Use a dynamic reference.",
                        ""));
        Files.writeString(
                dir.resolve("CFS108.md"),
                String.join(
                        "\n",
                        "---",
                        "id: CFS108",
                        "level: warning",
                        "name: secret-parameter-echoed",
                        "summary: A secret-named Parameter without NoEcho.",
                        "cwe: [CWE-200]",
                        "kind: security",
                        "security-severity: 5",
                        "precision: medium",
                        "---",
                        "## Why it matters",
                        "",
                        "The value shows in the console.",
                        ""));
        return Catalog.fromDirectory(dir);
    }

    /**
     * The GitHub token: everything a finding can carry (related location, fix, CDK path, severity).
     */
    static Finding tokenFinding() {
        return new Finding(
                "CFS101",
                Level.ERROR,
                "GITHUB_TOKEN holds a GitHub token ("
                        + GITHUB_TOKEN
                        + "); pass a secret name and read it at runtime.",
                TEMPLATE_PATH,
                TOKEN_SPAN,
                "Fn",
                "Resources/Fn/Properties/Environment/Variables/GITHUB_TOKEN",
                "App/Stack/Fn/Resource",
                List.of(
                        new Location(
                                TEMPLATE_PATH,
                                new Span(2, 3, 2, 8),
                                "the value " + GITHUB_TOKEN + " is also here")),
                List.of(GITHUB_TOKEN),
                GITHUB_TOKEN,
                Optional.of(9.8),
                Optional.of(
                        new Fix(
                                "replace " + GITHUB_TOKEN + " with a dynamic reference",
                                List.of(
                                        new Fix.Replacement(
                                                TOKEN_SPAN,
                                                "'{{resolve:secretsmanager:gh-token}}'")))),
                Optional.empty());
    }

    /** The AWS key id, at warning level (as a level override would make it). */
    static Finding keyFinding() {
        return new Finding(
                "CFS101",
                Level.WARNING,
                "DEPLOY_KEY holds an AWS access key id " + AWS_KEY_ID + ".",
                TEMPLATE_PATH,
                KEY_SPAN,
                "Fn",
                "Resources/Fn/Properties/Environment/Variables/DEPLOY_KEY",
                null,
                List.of(),
                List.of(AWS_KEY_ID),
                AWS_KEY_ID,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A parameter finding silenced in the template. */
    static Finding suppressedFinding() {
        return new Finding(
                "CFS108",
                Level.WARNING,
                "Parameter Token has no NoEcho: true.",
                TEMPLATE_PATH,
                new Span(2, 3, 2, 8),
                "Token",
                "Parameters/Token",
                null,
                List.of(),
                List.of(),
                "Token",
                Optional.empty(),
                Optional.of(
                        new Fix(
                                "add NoEcho: true",
                                List.of(
                                        new Fix.Replacement(
                                                new Span(3, 17, 3, 17), "\n    NoEcho: true")))),
                Optional.of(
                        new Suppression(Suppression.Kind.IN_SOURCE, "the token is a placeholder")));
    }

    /** A note on the function, at several lines, of a rule the test catalog lacks. */
    static Finding noteFinding() {
        return onResource(
                "CFS106",
                Level.NOTE,
                "resolved into env",
                TEMPLATE_PATH,
                new Span(4, 1, 6, 3),
                "Fn",
                "Resources/Fn");
    }

    /**
     * A finding with only what every finding has: no resource, related location, secret, severity,
     * fix or suppression, and "v" as the value it shows.
     */
    public static Finding bareFinding(
            String ruleId, Level level, String message, String file, Span span) {
        return onResource(ruleId, level, message, file, span, null, "");
    }

    /** A {@link #bareFinding} on the resource {@code logicalId}, at {@code propertyPath}. */
    static Finding onResource(
            String ruleId,
            Level level,
            String message,
            String file,
            Span span,
            String logicalId,
            String propertyPath) {
        return new Finding(
                ruleId,
                level,
                message,
                file,
                span,
                logicalId,
                propertyPath,
                null,
                List.of(),
                List.of(),
                "v",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A result of {@code finding} alone, in its file whose text is {@code source}. */
    static ScanResult inOneFile(Catalog catalog, Finding finding, String source) {
        return new ScanResult(
                List.of(finding),
                Map.of(finding.file(), new SourceFile(finding.file(), source)),
                1,
                0,
                catalog);
    }

    /** The token, the key, the suppressed and the note finding, in one hand-built result. */
    static ScanResult everyKind(Catalog catalog) {
        return handBuilt(catalog, tokenFinding(), keyFinding(), suppressedFinding(), noteFinding());
    }

    static ScanResult handBuilt(Catalog catalog, Finding... findings) {
        return new ScanResult(
                List.of(findings),
                Map.of(TEMPLATE_PATH, new SourceFile(TEMPLATE_PATH, TEMPLATE)),
                3,
                1,
                catalog);
    }

    /** A real scan with the default options and the bundled catalog. */
    static ScanResult scan(Path... paths) {
        List<String> names = java.util.Arrays.stream(paths).map(Path::toString).toList();
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(names, () -> new ByteArrayInputStream(new byte[0]));
    }

    /** A file whose second key repeats the first: a CFS001 finding at line 3, column 1. */
    static Path writeMalformed(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\nResources: {}\n");
        return file;
    }

    /** The report {@code reporter} writes for {@code result}. */
    public static String render(Reporter reporter, ScanResult result) {
        String written = written(reporter, result);
        // What a reader of the Markdown report sees: its character references (GITHUB&#95;TOKEN)
        // would otherwise hide a leaked secret from the tests that look for one.
        return reporter instanceof MarkdownReporter ? shownMarkdown(written) : written;
    }

    /** The report {@code reporter} writes for {@code result}, as it is written. */
    public static String written(Reporter reporter, ScanResult result) {
        StringWriter out = new StringWriter();
        try {
            reporter.write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Markdown text with its numeric character references decoded. */
    static String shownMarkdown(String markdown) {
        return Pattern.compile("&#([0-9]+);")
                .matcher(markdown)
                .replaceAll(
                        m ->
                                Matcher.quoteReplacement(
                                        Character.toString(Integer.parseInt(m.group(1)))));
    }
}
