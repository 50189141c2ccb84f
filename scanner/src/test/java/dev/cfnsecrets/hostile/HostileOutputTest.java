package dev.cfnsecrets.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.report.FindingLine;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.Redactor;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.report.SarifSchema;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a pull request controls (template bytes, file names, {@code .cfn-secrets.yml} keys,
 * custom rules) reaches some output: each test is one way to smuggle a GitHub runner command or a
 * terminal control through it. No line of any output may be read by the runner as a command except
 * the {@code github} format's own annotations, and control, bidirectional and separator characters
 * show as visible escapes.
 *
 * <p>Command-line runs are a fresh JVM: the bytes checked are those the runner would read.
 */
class HostileOutputTest {
    /** The only commands the github format may write: its annotations. */
    private static final Set<String> ANNOTATIONS = Set.of("error", "warning", "notice");

    @TempDir Path dir;

    /** Where a command-line run's stdout and stderr go, outside the scanned directory. */
    @TempDir Path logs;

    @Test
    void aConfigurationKeyWithALineBreakAndAnErrorCommandStaysOnStderrAsText() throws Exception {
        Files.writeString(dir.resolve(".cfn-secrets.yml"), "\"\\n::error title=x::pwned\": 1\n");

        Run run = cli("scan", ".");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertNoRunnerCommand(run.err());
        assertThat(run.err()).contains("unknown key '\n:\\:error title=x::pwned'");
    }

    @Test
    void aConfigurationKeyThatWouldStopCommandsStaysText() throws Exception {
        Files.writeString(
                dir.resolve(".cfn-secrets.yml"),
                "rules:\n  \"\\n::stop-commands::tok\": [CFS101]\n");

        Run run = cli("scan", ".");

        assertThat(run.status()).isEqualTo(2);
        assertNoRunnerCommand(run.err());
        assertThat(run.err()).contains("\n:\\:stop-commands::tok'");
    }

    @Test
    void argumentsEchoedInUsageErrorsStayText() throws Exception {
        Run level = cli("scan", "--fail-on", "x\n::add-mask::tok", ".");
        Run path = cli("scan", "gone\r##[error]x\u001b[2J");

        assertThat(level.status()).isEqualTo(2);
        assertNoRunnerCommand(level.err());
        assertThat(level.err()).contains("'x\n:\\:add-mask::tok'");
        assertThat(path.status()).isEqualTo(2);
        assertNoRunnerCommand(path.err());
        assertThat(path.err())
                .contains("no such file or directory: gone\\r##\\[error]x\\u001b[2J\n");
    }

    @Test
    void aTemplateNamedLikeAnErrorCommandIsNoCommandInAnyFormat() throws Exception {
        String name = "::error title=x::pwned.yaml";
        Files.writeString(dir.resolve(name), HostileTemplates.LEAKING);

        Run text = cli("scan", name);
        Map<Format, String> reports = reports(dir.resolve(name));

        assertThat(text.status()).isEqualTo(1);
        assertNoRunnerCommand(text.out());
        assertThat(text.out()).contains("\n:\\:error title=x::pwned.yaml:12:24: error CFS102 ");
        assertNoRunnerCommand(reports.get(Format.TEXT));
        assertGithubCommandsOnly(reports.get(Format.GITHUB));
        assertThat(reports.get(Format.GITHUB))
                .contains(
                        "::error file="
                                + dir.toString().replace(":", "%3A")
                                + "/%3A%3Aerror title=x%3A%3Apwned.yaml,line=12,col=24,");
        assertNoRunnerCommand(reports.get(Format.JSON));
        assertNoRunnerCommand(reports.get(Format.SARIF));
    }

    @Test
    void aTemplateNamedWithALegacyCommandIsNoCommandInAnyFormat() throws Exception {
        Path file = Files.writeString(dir.resolve("t##[error]x.yaml"), HostileTemplates.LEAKING);

        Run text = cli("scan", "t##[error]x.yaml");
        Map<Format, String> reports = reports(file);

        assertNoRunnerCommand(text.out());
        assertThat(text.out()).contains("t##\\[error]x.yaml:12:24: error CFS102 ");
        assertNoRunnerCommand(reports.get(Format.TEXT));
        assertGithubCommandsOnly(reports.get(Format.GITHUB));
        assertThat(reports.get(Format.GITHUB)).contains("/t##\\[error]x.yaml,line=12,");
        // JSON and SARIF write '#' as \u0023 (the same JSON string), so no "##[" shows in a log.
        assertNoRunnerCommand(reports.get(Format.JSON));
        assertThat(reports.get(Format.JSON)).contains("t\\u0023\\u0023[error]x.yaml");
        assertNoRunnerCommand(reports.get(Format.SARIF));
        assertThat(SarifSchema.violations(reports.get(Format.SARIF))).isEmpty();
    }

    @Test
    void hostileTemplateNamesStayInTheirCellOfTheMarkdownTable() throws Exception {
        List<String> names =
                List.of(
                        "::error title=x::pwned.yaml",
                        "t##[error]x.yaml",
                        "gnp.\u202eyaml",
                        "a | b | c <img src=x> [l](https:evil) `c`.yaml");
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            files.add(Files.writeString(dir.resolve(name), HostileTemplates.LEAKING));
        }
        ScanResult result =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scan(files.stream().map(Path::toString).toList(), NoStdin::read);

        String markdown =
                ReportFixtures.written(Reporters.of(Format.MARKDOWN, false, false), result);

        assertNoRunnerCommand(markdown);
        assertNoRawControls(markdown);
        List<String> rows =
                markdown.lines().filter(l -> l.startsWith("| error | CFS102 ")).toList();
        assertThat(rows).hasSize(names.size());
        for (String row : rows) {
            // Five cells: no pipe, tag, link or code span of a name is left.
            assertThat(row.chars().filter(c -> c == '|').count()).as(row).isEqualTo(6);
            assertThat(row).doesNotContain("<img", "[l]", "`", "##[", "::");
        }
        assertThat(markdown).contains("gnp.&#92;u202eyaml");
    }

    @Test
    void commandsInALogicalIdAndAVariableNameAreNeutralisedInTheSnippetWithCaretsInPlace()
            throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("t.yaml"),
                        HostileTemplates.VARIABLES.replace("  Fn:", "  \"Fn##[warning]x::y\":")
                                + "          \"::error::DB_PASSWORD##[error]x\": Zq8vN3pLx7Rt2Wm9Kd4H\n");

        Map<Format, String> reports = reports(file);
        String text = reports.get(Format.TEXT);

        assertNoRunnerCommand(text);
        List<String> lines = text.lines().toList();
        int logicalId = lines.indexOf("  3 |   \"Fn##\\[warning]x::y\":");
        assertThat(logicalId).isPositive();
        // The region is the quoted key, 19 characters that the escape widens to 20.
        assertThat(lines.get(logicalId + 1)).isEqualTo("    |   " + "^".repeat(20));
        String variable =
                lines.stream().filter(l -> l.startsWith("  12 | ")).findFirst().orElseThrow();
        assertThat(variable).startsWith("  12 |           \"::error::DB_PASSWORD##\\[error]x\": ");
        String carets = lines.get(lines.indexOf(variable) + 1);
        assertThat(carets.indexOf('^')).isEqualTo(variable.indexOf("\": ") + 3);
        assertThat(text)
                .contains("Variable ::error::DB_PASSWORD##\\[error]x is named like a password");
        assertGithubCommandsOnly(reports.get(Format.GITHUB));
        assertThat(reports.get(Format.GITHUB))
                .contains("::Variable ::error::DB_PASSWORD##\\[error]x is named");
        assertNoRunnerCommand(reports.get(Format.JSON));
        assertNoRunnerCommand(reports.get(Format.SARIF));
    }

    @Test
    void terminalAndBidiControlsInNamesShowAsEscapes() throws Exception {
        String name = "DB_PASSWORD\\e]8;;http://evil\\aclick\\e]8;;\\a\\u202e\\u2028\\u0085";
        Path file =
                Files.writeString(
                        dir.resolve("gnp.\u202eyaml"),
                        HostileTemplates.LEAKING.replace("DB_PASSWORD:", "\"" + name + "\":"));

        Map<Format, String> reports = reports(file);

        String shown =
                "DB_PASSWORD\\u001b]8;;http://evil\\u0007click\\u001b]8;;\\u0007\\u202e\\u2028\\u0085";
        for (Format format : List.of(Format.TEXT, Format.GITHUB)) {
            String out = reports.get(format);
            assertNoRawControls(out);
            assertThat(out)
                    .contains("Variable " + shown + " is named like a password")
                    .contains("gnp.\\u202eyaml");
        }
        assertNoRunnerCommand(reports.get(Format.TEXT));
        assertGithubCommandsOnly(reports.get(Format.GITHUB));
        for (Format format : List.of(Format.JSON, Format.SARIF)) {
            assertNoRawControls(reports.get(format));
            assertThat(reports.get(format))
                    .contains("DB_PASSWORD\\u001B]8;;http://evil\\u0007click");
        }
        assertThat(SarifSchema.violations(reports.get(Format.SARIF))).isEmpty();
    }

    @Test
    void controlCharactersInTheTemplateBytesShowAsEscapesUnderTheirCarets() throws Exception {
        Path json =
                Files.writeString(
                        dir.resolve("raw.json"),
                        "{\"Resources\": {\"Fn\": {\"Properties\": "
                                + "{\"Runtime\": \"\u001b]8;;http://evil\u0007click\u001b]8;;\u0007\"}}}}\n");
        Path yaml =
                Files.writeString(
                        dir.resolve("bidi.yaml"),
                        HostileTemplates.LEAKING.replace(
                                "Zq8vN3pLx7Rt2Wm9Kd4H",
                                "Zq8vN3pLx7Rt2Wm9Kd4H # \u202e cod.exe \u2028 \u0085 end"));

        Map<Format, String> reports = reports(json, yaml);
        String text = reports.get(Format.TEXT);
        String github = reports.get(Format.GITHUB);

        assertNoRunnerCommand(text);
        assertNoRawControls(text);
        assertNoRawControls(github);
        assertGithubCommandsOnly(github);
        // The JSON parser stops at the ESC: one caret under each character of its escape.
        assertThat(text)
                .contains(
                        "  1 | {\"Resources\": {\"Fn\": {\"Properties\": {\"Runtime\": \""
                                + "\\u001b]8;;http://evil\\u0007click\\u001b]8;;\\u0007\"}}}}\n    | "
                                + " "
                                        .repeat(
                                                "{\"Resources\": {\"Fn\": {\"Properties\": {\"Runtime\": \""
                                                        .length())
                                + "^^^^^^\n");
        assertThat(text)
                .containsPattern(
                        "  12 \\|           DB_PASSWORD: .+ # \\\\u202e cod\\.exe \\\\u2028 \\\\u0085 end\n");
    }

    @Test
    void customRuleFieldsFromAConfigurationStayTextInRulesExplainAndReports() throws Exception {
        Files.writeString(
                dir.resolve("acme.yml"),
                """
                rules:
                  - id: ACME001
                    level: error
                    summary: "Evil\\n::error title=x::pwned \\e[8m hidden ##[warning]y \\u202e"
                    message: "{resource}\\n::add-mask::tok ##[error]z \\e]8;;http://evil\\a"
                    help: "line\\n::stop-commands::tok\\n  ##[group]g\\n\\e[2J"
                    resource-types: [AWS::Lambda::Function]
                    path: Properties
                    must: {required: [KmsKeyArn]}
                """);
        Files.writeString(dir.resolve(".cfn-secrets.yml"), "custom-rules: [acme.yml]\n");
        Files.writeString(dir.resolve("t.yaml"), HostileTemplates.LEAKING);

        Run rules = cli("rules");
        Run explain = cli("explain", "ACME001");
        Run text = cli("scan", "t.yaml");
        Run github = cli("scan", "-f", "github", "t.yaml");

        assertThat(List.of(rules.status(), explain.status(), text.status(), github.status()))
                .containsExactly(0, 0, 1, 1);
        for (Run run : List.of(rules, explain, text)) {
            assertNoRunnerCommand(run.out());
            assertNoRawControls(run.out());
        }
        assertThat(rules.out())
                .containsPattern(
                        "(?m)^ACME001 +error +acme001 +Evil\\\\n::error title=x::pwned "
                                + "\\\\u001b\\[8m hidden ##\\\\\\[warning]y \\\\u202e$");
        assertThat(explain.out())
                .startsWith(
                        "# ACME001 acme001 (error)\n\nEvil\\n::error title=x::pwned \\u001b[8m hidden")
                .contains("line\n:\\:stop-commands::tok\n  ##\\[group]g\n\\u001b[2J");
        assertThat(text.out())
                .contains(
                        "error ACME001 Fn\\n::add-mask::tok ##\\[error]z \\u001b]8;;http://evil\\u0007 (");
        assertGithubCommandsOnly(github.out());
        assertNoRawControls(github.out());
        assertThat(github.out())
                .contains(
                        "title=ACME001 acme001::Fn%0A:\\:add-mask::tok ##\\[error]z \\u001b]8;;http://evil\\u0007 (");
    }

    @Test
    void theMavenLogLineOfAFindingIsOneNeutralisedLine() {
        Finding finding =
                ReportFixtures.bareFinding(
                        "CFS102",
                        Level.ERROR,
                        "Variable x\n::add-mask::tok ##[error]y \u001b[2J\u202e\u2028",
                        "::error title=x::pwned.yaml",
                        new Span(12, 24, 12, 44));

        String line = FindingLine.of(finding, new Redactor(false));

        assertNoRunnerCommand(line);
        assertNoRawControls(line);
        assertThat(line)
                .isEqualTo(
                        ":\\:error title=x::pwned.yaml:12:24 CFS102 Variable x\\n::add-mask::tok ##\\[error]y"
                                + " \\u001b[2J\\u202e\\u2028");
    }

    // --- The runner's rules (actions/runner ActionCommand.TryParseV2 and TryParse) as predicates.

    /**
     * The lines the runner reads: it splits its input at LF, CR LF and a lone CR, as .NET's {@code
     * ReadLine} does.
     */
    private static List<String> runnerLines(String output) {
        return List.of(output.split("\r\n|\r|\n", -1));
    }

    /**
     * True when the runner would try the line as a command: it starts with {@code ::} once leading
     * white space (.NET's: Unicode spaces, tab and the other separators) is trimmed, or holds
     * {@code ##[} anywhere (the legacy syntax).
     */
    static boolean readAsCommand(String line) {
        int start = 0;
        while (start < line.length() && isDotNetWhiteSpace(line.charAt(start))) {
            start++;
        }
        return line.startsWith("::", start) || line.contains("##[");
    }

    private static boolean isDotNetWhiteSpace(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u0085'
                || c == '\u00a0';
    }

    private static void assertNoRunnerCommand(String output) {
        for (String line : runnerLines(output)) {
            assertThat(readAsCommand(line)).as("a runner command: %s", line).isFalse();
        }
    }

    /**
     * In the {@code github} format the reporter's own annotations are commands: a line that the
     * runner reads as one must be {@code ::error}, {@code ::warning} or {@code ::notice} with
     * properties and data that hold no second command (no {@code ##[}, no raw {@code ::} in the
     * properties, which GitHub escapes as {@code %3A}).
     */
    private static void assertGithubCommandsOnly(String output) {
        assertNoRawControls(output);
        for (String line : runnerLines(output)) {
            if (!readAsCommand(line)) {
                continue;
            }
            assertThat(line)
                    .as("not an annotation: %s", line)
                    .startsWith("::")
                    .doesNotContain("##[");
            int end = line.indexOf("::", 2);
            assertThat(end).as("no data separator: %s", line).isPositive();
            String info = line.substring(2, end);
            String command = info.contains(" ") ? info.substring(0, info.indexOf(' ')) : info;
            assertThat(ANNOTATIONS).as("command of %s", line).contains(command);
        }
    }

    /**
     * The characters that must never be written raw: C0 controls but tab and line ends, DEL, C1,
     * bidi controls, separators.
     */
    private static void assertNoRawControls(String output) {
        String stripped = output.replace("\r\n", "").replace("\n", "");
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean raw =
                    (c < 0x20 && c != '\t')
                            || (c >= 0x7f && c <= 0x9f)
                            || (c >= '\u202a' && c <= '\u202e')
                            || (c >= '\u2066' && c <= '\u2069')
                            || c == '\u200e'
                            || c == '\u200f'
                            || c == '\u061c'
                            || c == '\u2028'
                            || c == '\u2029';
            assertThat(raw).as("raw U+%04X at %d in %s", (int) c, i, output).isFalse();
        }
    }

    // --- Runs.

    /**
     * Every report format of one in-process scan, written as the command line writes them to a
     * file.
     */
    private static Map<Format, String> reports(Path... files) {
        ScanResult result =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scan(Stream.of(files).map(Path::toString).toList(), NoStdin::read);
        Map<Format, String> reports = new EnumMap<>(Format.class);
        for (Format format : Format.values()) {
            reports.put(format, ReportFixtures.render(Reporters.of(format, false, false), result));
        }
        return reports;
    }

    private record Run(int status, String out, String err) {}

    /**
     * {@code cfn-secrets ARGS} in a fresh JVM in the test's directory, with this JVM's java and
     * classpath.
     */
    private Run cli(String... args) throws IOException, InterruptedException {
        List<String> command =
                Stream.concat(
                                Stream.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        "dev.cfnsecrets.cli.Main"),
                                Stream.of(args))
                        .toList();
        Path out = Files.createTempFile(logs, "stdout", "");
        Path err = Files.createTempFile(logs, "stderr", "");
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("cfn-secrets " + String.join(" ", args) + " did not end");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
