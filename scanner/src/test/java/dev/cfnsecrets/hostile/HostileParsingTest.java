package dev.cfnsecrets.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.PathGlob;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parsing and evaluation of odd but attacker-reachable input: YAML merge keys, intrinsic functions
 * with malformed arguments. Each case asserts the exact findings, so a missed secret or an
 * internal-error CFS001 fails the test.
 */
class HostileParsingTest {
    /** A function whose environment variables, from line 15 on, are the text given. */
    private static final String FUNCTION =
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Names: {Type: CommaDelimitedList, Default: ""}
            Metadata:
              Common: &common {LOG_LEVEL: info, TABLE: orders}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/fn
                  Environment:
                    Variables:
                      %s
            """;

    private static final String TOKEN_THEN =
            "DEPLOY_KEY: ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI\n          ODD: ";

    static Stream<String> malformedIntrinsics() {
        return Stream.of(
                "!Select [-1, [a, b]]",
                "!Select [2, [a, b]]",
                "!Select [x, [a, b]]",
                "!Select [99999999999999999999, [a, b]]",
                "!Select [0, notalist]",
                "!Select [0, []]",
                "!Select [0]",
                "!Select {a: b}",
                "!Select [[0], [a, b]]",
                "!Select [{Ref: Names}, [a]]",
                "!Select [0, !Ref Names]",
                "!Select [-1, !Split [',', 'a,b']]",
                "!Split ['', abc]",
                "!Split [',']",
                "!Split [[','], abc]",
                "!Split [',', {a: b}]",
                "!Split [',', !Ref Names]",
                "!Split [',', !Join ['', []]]",
                "!Split [',', '']",
                "!Join ['']",
                "!Join [[','], [a]]",
                "!Join [',', abc]",
                "!Join [',', [[a], {b: c}]]",
                "!Join {a: b}",
                "!Join [',', [!Ref Names]]",
                "!Sub []",
                "!Sub [[a]]",
                "!Sub ['${x', {x: 1}]",
                "!Sub ['${}', {}]",
                "!Sub ['${a}', notamap]",
                "!Sub {a: b}",
                "!Sub '${!}'",
                "!Sub '${AWS::}'",
                "!Sub '${.}'",
                "!If [c]",
                "!If [c, a]",
                "!If {a: b}",
                "!If [c, a, b, d]",
                "!FindInMap [M]",
                "!FindInMap [[M], a, b]",
                "!FindInMap [M, a, b, notamap]",
                "!FindInMap {a: b}",
                "!GetAtt ''",
                "!GetAtt '.'",
                "!GetAtt [a]",
                "!GetAtt []",
                "!GetAtt {a: b}",
                "!GetAtt [Fn, [x]]",
                "!Ref [a]",
                "!Ref {a: b}",
                "!Ref ''",
                "!Base64 [a]",
                "!Base64 {a: b}",
                "!ImportValue [a]",
                "!Cidr [a]",
                "!GetAZs {a: b}",
                "!Equals [a]",
                "!Not a",
                "!Transform []",
                "{Fn::Select: [-1, [a]], Fn::Join: [',', [a]]}",
                "{Fn::Select: null}",
                "{Ref: null}");
    }

    @ParameterizedTest
    @MethodSource("malformedIntrinsics")
    void aMalformedIntrinsicIsAnUnknownValueAndTheRestIsScanned(String odd, @TempDir Path dir)
            throws IOException {
        ScanResult result = scan(write(dir, "t.yaml", FUNCTION.formatted(TOKEN_THEN + odd)));

        assertThat(result.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .contains(tuple("CFS101", 15))
                .noneMatch(t -> t.toArray()[0].equals("CFS001"));
    }

    @Test
    void selectWithANegativeIndexDoesNotHideASecretElsewhereInTheFile(@TempDir Path dir)
            throws IOException {
        ScanResult result =
                scan(write(dir, "t.yaml", FUNCTION.formatted(TOKEN_THEN + "!Select [-1, [a, b]]")));

        assertThat(result.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS110", 7), tuple("CFS101", 15));
    }

    @Test
    void aSecretMergedFromAnAnchorIsFoundOnTheAnchorsLine() {
        ScanResult result =
                scan(Fixtures.root().resolve("cfs1xx/cfs101-credential-in-env/merge-key.yaml"));

        // Lines 8 and 12 are merged into the function (CFS101) and sit in Metadata (CFS107); line
        // 10
        // is overridden by the function's explicit CHAT, so only its Metadata finding remains.
        assertThat(rulesAndLines(result))
                .containsExactly("CFS101:8", "CFS107:8", "CFS107:10", "CFS101:12", "CFS107:12");
    }

    @Test
    void anExplicitKeyOverridingAMergedOneIsNotADuplicateButTwoExplicitKeysAre(@TempDir Path dir)
            throws IOException {
        ScanResult overriding =
                scan(
                        write(
                                dir,
                                "override.yaml",
                                FUNCTION.formatted(
                                        "TABLE: payments\n          <<: *common\n          LOG_LEVEL: debug")));
        ScanResult duplicate =
                scan(
                        write(
                                dir,
                                "duplicate.yaml",
                                FUNCTION.formatted(
                                        "TABLE: payments\n          <<: *common\n          TABLE: again")));

        assertThat(overriding.findings()).isEmpty();
        assertThat(duplicate.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS001", 17));
        assertThat(duplicate.findings().get(0).message())
                .contains("duplicate key 'TABLE' (first defined on line 15)");
    }

    @Test
    void mergingSomethingOtherThanAMapIsAnUnreadableFileWithItsLine(@TempDir Path dir)
            throws IOException {
        String template =
                """
                AWSTemplateFormatVersion: "2010-09-09"
                Metadata:
                  Names: &names [a, b]
                  Env:
                    <<: %s
                """;
        ScanResult plain = scan(write(dir, "plain.yaml", template.formatted("just-text")));
        ScanResult list = scan(write(dir, "list.yaml", template.formatted("[*names]")));

        assertThat(plain.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS001", 5));
        assertThat(plain.findings().get(0).message())
                .contains("the merge key '<<' takes a map or a list of maps, not a plain value");
        assertThat(list.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS001", 5));
        assertThat(list.findings().get(0).message())
                .contains("the merge key '<<' takes a map or a list of maps, not a list");
    }

    @Test
    void aBillionLaughsThroughNestedMergesIsStoppedByTheExpansionLimit(@TempDir Path dir)
            throws IOException {
        StringBuilder bomb =
                new StringBuilder(
                        "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n  l0: &l0 {k0: lol}\n");
        for (int level = 1; level <= 9; level++) {
            String alias = "*l" + (level - 1);
            bomb.append("  l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" {<<: [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, alias)))
                    .append("], k")
                    .append(level)
                    .append(": lol}\n");
        }
        ScanResult result = scan(write(dir, "bomb.yaml", bomb.toString()));

        assertThat(result.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS001", 9));
        assertThat(result.findings().get(0).message())
                .contains("aliases expand the document beyond 2621440 nodes (alias bomb)");
    }

    @Test
    void eachMergedAliasCountsTowardsTheAliasLimit(@TempDir Path dir) throws IOException {
        StringBuilder many =
                new StringBuilder(
                        "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n  a: &a {k: v}\n");
        for (int i = 1; i <= 101; i++) {
            many.append("  m").append(i).append(": {<<: *a}\n");
        }
        ScanResult result = scan(write(dir, "many.yaml", many.toString()));

        assertThat(result.findings())
                .extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS001", 104));
        assertThat(result.findings().get(0).message())
                .contains("more than 100 YAML aliases (possible alias bomb)");
    }

    @Test
    void excludeGlobsMatchTheShownPathAsJavasGlobsDidWithoutEverMakingAPath() {
        List<String> globs =
                List.of(
                        "test/**",
                        "*.yaml",
                        "**/*.json",
                        "a?c/*",
                        "[!t]*/x.yaml",
                        "{src,lib}/**",
                        "[a-c]*.yml",
                        "\\*.yaml",
                        "**");
        List<String> paths =
                List.of(
                        "test/a.yaml",
                        "test/a/b.yaml",
                        "a.yaml",
                        "x/a.yaml",
                        "x/y/a.json",
                        "a.json",
                        "abc/t.yaml",
                        "abc/d/t.yaml",
                        "s/x.yaml",
                        "t/x.yaml",
                        "lib/a/b",
                        "src",
                        "b.yml",
                        "d.yml",
                        "*.yaml",
                        "\uFFFD\uFFFD.yaml",
                        "caf\u00e9/x.yaml");
        for (String glob : globs) {
            PathMatcher javas = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            PathGlob ours = PathGlob.compile(glob);
            for (String path : paths) {
                boolean expected = javas.matches(Path.of(path));
                assertThat(ours.matches(path)).as(glob + " on " + path).isEqualTo(expected);
            }
        }
    }

    /**
     * The GitHub token of the file each odd-named copy is made from: a function at line 7, the
     * token at 15.
     */
    private static final List<String> TOKEN_FINDINGS = List.of("CFS110:7", "CFS101:15");

    @Test
    void fileNamesTheCLocaleCannotDecodeAreScannedAndShownWithReplacementCharacters(
            @TempDir Path dir) throws IOException, InterruptedException {
        write(
                dir,
                "ok.yaml",
                FUNCTION.formatted("DEPLOY_KEY: ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI"));
        // Java may not be able to name these files itself: bash makes é (UTF-8 c3 a9) and an
        // invalid byte.
        Process child =
                underCLocale(
                        dir,
                        "cp ok.yaml $'\\xc3\\xa9.yaml' && cp ok.yaml $'\\xff.yaml' && "
                                + "exec \"$JAVA\" -cp \"$CP\" dev.cfnsecrets.cli.Main scan --format json .");
        List<String> shown = findingsOf(child);

        // Under LC_ALL=C each byte that is not ASCII is shown as U+FFFD: two for é, one for 0xff.
        List<String> expected = new ArrayList<>();
        for (String name : List.of("ok.yaml", "\uFFFD\uFFFD.yaml", "\uFFFD.yaml")) {
            TOKEN_FINDINGS.forEach(f -> expected.add(name + " " + f));
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aNonAsciiFileNamedOnTheCommandLineUnderTheCLocaleIsAUsageErrorNotAnInternalError(
            @TempDir Path dir) throws IOException, InterruptedException {
        String errors = usageErrorOfScanning(dir, "", "$'\\xc3\\xa9.yaml'");

        assertThat(errors)
                .contains("in this locale's character set ANSI_X3.4-1968: run under a UTF-8 locale")
                .doesNotContain("internal error");
    }

    @Test
    void aFileNameInvalidInUtf8NamedOnTheCommandLineIsAUsageErrorThatSaysWhy(@TempDir Path dir)
            throws IOException, InterruptedException {
        String errors = usageErrorOfScanning(dir, "LC_ALL=C.UTF-8 ", "$'\\xff.yaml'");

        assertThat(errors)
                .contains(
                        "no such file or directory: \uFFFD.yaml (bytes of the name are not valid in this "
                                + "locale's character set UTF-8; scan the directory that holds it)");
    }

    @Test
    void nestedStacksUnderADirectoryTheCLocaleCannotDecodeAreFollowed(@TempDir Path dir)
            throws IOException, InterruptedException {
        String copy =
                "mkdir $'\\xc3\\xa9' && cp -r \""
                        + Fixtures.root().resolve("cfs1xx/cfs111-nested-stacks")
                        + "\"/. $'\\xc3\\xa9'/ && ";
        String scan = "exec \"$JAVA\" -cp \"$CP\" dev.cfnsecrets.cli.Main scan --format json .";
        List<String> underC = findingsOf(underCLocale(dir, copy + scan));
        List<String> underUtf8 = findingsOf(underCLocale(dir, "LC_ALL=C.UTF-8 " + scan));

        // The same findings, each file shown under the replaced directory name instead of "é".
        assertThat(underC)
                .isNotEmpty()
                .noneMatch(f -> f.contains(" CFS001:"))
                .allMatch(f -> f.startsWith("\uFFFD\uFFFD/"))
                .containsExactlyInAnyOrderElementsOf(
                        underUtf8.stream()
                                .map(f -> f.replace("\u00e9/", "\uFFFD\uFFFD/"))
                                .toList());
    }

    /** The findings of a finished {@code scan --format json} that exited 1, as "file rule:line". */
    private static List<String> findingsOf(Process child) throws IOException, InterruptedException {
        String report = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).isEqualTo(1);
        List<String> shown = new ArrayList<>();
        for (JsonNode finding : new ObjectMapper().readTree(report).get("findings")) {
            shown.add(
                    finding.get("file").asText()
                            + " "
                            + finding.get("ruleId").asText()
                            + ":"
                            + finding.get("startLine").asInt());
        }
        return shown;
    }

    /**
     * Makes the file (a bash quoted name), scans it by name, expects exit 2 and returns standard
     * error.
     */
    private static String usageErrorOfScanning(Path dir, String environment, String bashName)
            throws IOException, InterruptedException {
        Process child =
                underCLocale(
                        dir,
                        "touch "
                                + bashName
                                + " && "
                                + environment
                                + "exec \"$JAVA\" -cp \"$CP\" dev.cfnsecrets.cli.Main scan "
                                + bashName);
        String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).isEqualTo(2);
        return errors;
    }

    /**
     * A bash script run in {@code dir} with {@code LC_ALL=C} only, and this JVM's java and
     * classpath.
     */
    private static Process underCLocale(Path dir, String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        builder.environment()
                .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("CP", System.getProperty("java.class.path"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start();
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static ScanResult scan(Path... paths) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(Stream.of(paths).map(Path::toString).toList(), NoStdin::read);
    }

    static List<String> rulesAndLines(ScanResult result) {
        return result.findings().stream()
                .map(f -> f.ruleId() + ":" + f.span().startLine())
                .toList();
    }
}
