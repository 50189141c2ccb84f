package dev.cfnsecrets.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.CountedText;
import dev.cfnsecrets.MarkedTemplate;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.ConfigException;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.secrets.AllowList;
import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.RegularFiles;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny hostile inputs that used to take exponential time or memory: the work is now bounded, in
 * counts.
 */
class HostileWorkTest {
    /**
     * A function whose DB_PASSWORD is {@code %s}; its marks are those of a scan with the built-in
     * rules.
     */
    private static final String FUNCTION =
            """
            Resources:
              Fn:  # expect: CFS110
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {ZipFile: x}
                  Environment:
                    Variables:
                      DB_PASSWORD: %s
                      API_KEY: sk_live_4eC39HqLyjWDarjtT1zdp7dc  # expect: CFS101
            """;

    /** The end of the message of an evaluation that stops. */
    private static final String REST_SCANNED =
            "Values that depend on it are treated as unknown; the rest of the file was scanned.";

    /** The issue's 235-byte shape: P's Default substitutes P twice. */
    private static final String SELF_SUB =
            """
            Parameters:
              P:
                Type: String  # expect: CFS001 "t.yaml cannot be scanned fully: Parameter P refers to itself through Fn::Sub. %s"
                Default: !Sub "${P}${P}"
            """
                            .formatted(REST_SCANNED)
                    + FUNCTION.formatted("!Ref P");

    private static final String SELF_MAPPING =
            """
            Mappings:
              M:
                a:  # expect: CFS001 "t.yaml cannot be scanned fully: Mapping M refers to itself through Fn::FindInMap. %s"
                  b: !FindInMap [M, a, b]
            """
                            .formatted(REST_SCANNED)
                    + FUNCTION.formatted("!FindInMap [M, a, b]");

    /**
     * Parameters P0… each doubling the one before, then FUNCTION with the last; {@code lastMark}
     * ends its line.
     */
    private static String doublingChain(int length, String lastMark) {
        StringBuilder t = new StringBuilder("Parameters:\n  P0: {Type: String, Default: x}\n");
        for (int i = 1; i < length; i++) {
            t.append("  P")
                    .append(i)
                    .append(": {Type: String, Default: !Sub '${P")
                    .append(i - 1)
                    .append("}${P")
                    .append(i - 1)
                    .append("}'}")
                    .append(i == length - 1 ? lastMark : "")
                    .append('\n');
        }
        return t + FUNCTION.formatted("!Ref P" + (length - 1));
    }

    private static Evaluator evaluatorAfterFunctionValue(String template) {
        Template t =
                ((Document.TemplateDocument)
                                new DocumentLoader(Limits.DEFAULT)
                                        .parse(new SourceFile("t.yaml", template)))
                        .template();
        Evaluator evaluator = new Evaluator(t);
        evaluator.evaluate(
                TestTemplates.variables(t.resources().get("Fn")).get("DB_PASSWORD").orElseThrow());
        return evaluator;
    }

    @Test
    void selfReferencingSubDefaultIsOneCycleFindingOnTheParameter() {
        assertThat(SELF_SUB.replaceAll(" +# .*", ""))
                .as("the template without its marks")
                .hasSizeLessThan(400);
        MarkedTemplate.scan(SELF_SUB);
        Evaluator evaluator = evaluatorAfterFunctionValue(SELF_SUB);
        assertThat(evaluator.stops())
                .extracting(Evaluator.Stop::reason)
                .containsExactly("Parameter P refers to itself through Fn::Sub");
        assertThat(evaluator.steps()).isEqualTo(2);
        // Each finished string counts its parts once (before issue #15, every piece of a
        // concatenation counted again the whole string before it, which grew with the square).
        assertThat(evaluator.parts()).isEqualTo(6);
    }

    @Test
    void selfReferencingMappingIsOneCycleFindingOnTheMapping() {
        MarkedTemplate.scan(SELF_MAPPING);
        Evaluator evaluator = evaluatorAfterFunctionValue(SELF_MAPPING);
        assertThat(evaluator.steps()).isEqualTo(8);
    }

    @Test
    void doublingChainOfParametersStopsOnItsBudgetWithOneFinding() {
        String chain =
                doublingChain(
                        40,
                        "  # expect: CFS001 \"t.yaml cannot be scanned fully: evaluation stopped after "
                                + "producing 1000000 parts or 50000000 characters (evaluating Parameter P39). "
                                + REST_SCANNED
                                + "\"");
        MarkedTemplate.scan(chain);
        Evaluator evaluator = evaluatorAfterFunctionValue(chain);
        assertThat(evaluator.steps()).isEqualTo(41);
        assertThat(evaluator.parts()).isBetween(1_000_000L, 2_100_000L);
        assertThat(evaluator.characters()).isBetween(1_000_000L, evaluator.parts());
    }

    @Test
    void shortDoublingChainIsStillEvaluatedInFull() {
        Evaluator evaluator = evaluatorAfterFunctionValue(doublingChain(12, ""));
        assertThat(evaluator.stops()).isEmpty();
        Template t =
                ((Document.TemplateDocument)
                                new DocumentLoader(Limits.DEFAULT)
                                        .parse(new SourceFile("t.yaml", doublingChain(12, ""))))
                        .template();
        Value p11 =
                new Evaluator(t).evaluate(t.parameters().get("P11").defaultValue().orElseThrow());
        assertThat(((Value.Text) p11).literal()).isEqualTo("x".repeat(2048));
        assertThat(evaluator.steps()).isEqualTo(13);
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor())
                .isZero();
    }

    private static List<String> scanPaths(Path... paths) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(java.util.Arrays.stream(paths).map(Path::toString).toList(), NoStdin::read)
                .findings()
                .stream()
                .map(
                        f ->
                                f.ruleId()
                                        + " "
                                        + f.file()
                                        + (f.ruleId().equals("CFS001") ? " " + f.message() : ""))
                .toList();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void fifoAndDevZeroNamedAsPathsAreCfs001AndTheOtherFilesAreScanned(@TempDir Path dir)
            throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        mkfifo(fifo);
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, FUNCTION.formatted("plain"));
        List<String> found = scanPaths(fifo, Path.of("/dev/zero"), good);
        assertThat(found)
                .containsExactly(
                        "CFS001 /dev/zero /dev/zero cannot be scanned: not a regular file (a FIFO, socket or device) (line 1, column 1)."
                                + " Fix the file or exclude it.",
                        "CFS110 " + good,
                        "CFS102 " + good,
                        "CFS101 " + good,
                        "CFS001 "
                                + fifo
                                + " "
                                + fifo
                                + " cannot be scanned: not a regular file (a FIFO, socket or device)"
                                + " (line 1, column 1). Fix the file or exclude it.");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void fileSwappedForAFifoBetweenCheckAndOpenIsRefusedNotAwaited(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, SELF_SUB);
        RegularFiles swapping =
                new RegularFiles(
                        Duration.ofMillis(300),
                        () -> {
                            try {
                                Files.delete(file);
                                mkfifo(file);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                        });
        assertThatThrownBy(() -> new SourceReader(Limits.DEFAULT).read(file, "t.yaml", swapping))
                .isInstanceOf(InputProblem.class)
                .hasMessage(
                        "not read within 300 ms: not a regular file any more"
                                + " (replaced by a FIFO or device while the scan ran?)");
    }

    /** Text that counts how often it is read: the work a matcher does on it. */
    private static AllowList allowList(Path dir, String patterns) throws IOException {
        Path config = dir.resolve(".cfn-secrets.yml");
        Files.writeString(config, "allow: {patterns: " + patterns + "}\n");
        return new ConfigLoader(Catalog.bundled()).load(config).settings().allow();
    }

    @Test
    void catastrophicAllowPatternRunsInLinearTimeOnRe2j(@TempDir Path dir) throws IOException {
        AllowList allow = allowList(dir, "['(a+)+$']");
        CountedText.assertLinear(
                n -> "a".repeat(n) + "!",
                t -> allow.patterns().get(0).matcher(t).find(),
                false,
                10);
        assertThat(allow.allows("a".repeat(30) + "!")).isFalse();
        assertThat(allow.allows("aaaa")).isTrue();
    }

    @Test
    void allowPatternMatchingTheEmptyStringIsRefused(@TempDir Path dir) {
        for (String pattern : List.of("'|x'", "'.*'", "'x?'", "'\\b'")) {
            assertThatThrownBy(() -> allowList(dir, "['^ok$', " + pattern + "]"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageEndingWith(
                            "allow.patterns[1]: the pattern matches the empty string, so it would allow every secret");
        }
    }

    /**
     * A custom rule's schema pattern runs on RE2/J too: on the JDK's engine {@code ^(a+)+$} against
     * 40 {@code a} and a {@code !} takes about 2^40 steps; the counted proof of RE2/J's linear time
     * is {@link #catastrophicAllowPatternRunsInLinearTimeOnRe2j}.
     */
    @Test
    void catastrophicSchemaPatternOfACustomRuleRunsOnRe2j(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("acme.yml"),
                """
                rules:
                  - id: ACME001
                    message: "{resource}: DB_PASSWORD must be made of a"
                    resource-types: [AWS::Lambda::Function]
                    path: Properties/Environment/Variables/DB_PASSWORD
                    must: {type: string, pattern: '^(a+)+$'}
                """);
        Path config =
                Files.writeString(dir.resolve(".cfn-secrets.yml"), "custom-rules: [acme.yml]\n");
        Catalog catalog =
                Catalog.bundled()
                        .withCustomRules(
                                new ConfigLoader(Catalog.bundled()).load(config).customRules());
        List<Finding> findings =
                BuiltInRules.scanner(
                                ScanOptions.DEFAULT.withRules(List.of("ACME"), List.of()), catalog)
                        .scan(new SourceFile("t.yaml", FUNCTION.formatted("a".repeat(40) + "!")))
                        .findings();
        assertThat(findings)
                .extracting(f -> f.ruleId() + " " + f.span().startLine() + " " + f.message())
                .containsExactly(
                        "ACME001 10 Fn: DB_PASSWORD must be made of a"
                                + " (Properties/Environment/Variables/DB_PASSWORD: does not match the regex pattern ^(a+)+$)");
    }
}
