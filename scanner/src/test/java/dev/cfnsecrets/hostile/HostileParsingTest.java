package dev.cfnsecrets.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** A function whose line 13 holds a GitHub token and whose line 14 holds the value under test. */
    private static final String FUNCTION = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Names: {Type: CommaDelimitedList, Default: ""}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/fn
                  Environment:
                    Variables:
                      DEPLOY_KEY: ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI
                      ODD: %s
            """;

    static Stream<String> malformedIntrinsics() {
        return Stream.of(
                "!Select [-1, [a, b]]", "!Select [2, [a, b]]", "!Select [x, [a, b]]",
                "!Select [99999999999999999999, [a, b]]", "!Select [0, notalist]", "!Select [0, []]",
                "!Select [0]", "!Select {a: b}", "!Select [[0], [a, b]]", "!Select [{Ref: Names}, [a]]",
                "!Select [0, !Ref Names]", "!Select [-1, !Split [',', 'a,b']]",
                "!Split ['', abc]", "!Split [',']", "!Split [[','], abc]", "!Split [',', {a: b}]",
                "!Split [',', !Ref Names]", "!Split [',', !Join ['', []]]", "!Split [',', '']",
                "!Join ['']", "!Join [[','], [a]]", "!Join [',', abc]", "!Join [',', [[a], {b: c}]]", "!Join {a: b}",
                "!Join [',', [!Ref Names]]",
                "!Sub []", "!Sub [[a]]", "!Sub ['${x', {x: 1}]", "!Sub ['${}', {}]", "!Sub ['${a}', notamap]",
                "!Sub {a: b}", "!Sub '${!}'", "!Sub '${AWS::}'", "!Sub '${.}'",
                "!If [c]", "!If [c, a]", "!If {a: b}", "!If [c, a, b, d]",
                "!FindInMap [M]", "!FindInMap [[M], a, b]", "!FindInMap [M, a, b, notamap]", "!FindInMap {a: b}",
                "!GetAtt ''", "!GetAtt '.'", "!GetAtt [a]", "!GetAtt []", "!GetAtt {a: b}", "!GetAtt [Fn, [x]]",
                "!Ref [a]", "!Ref {a: b}", "!Ref ''", "!Base64 [a]", "!Base64 {a: b}",
                "!ImportValue [a]", "!Cidr [a]", "!GetAZs {a: b}", "!Equals [a]", "!Not a", "!Transform []",
                "{Fn::Select: [-1, [a]], Fn::Join: [',', [a]]}", "{Fn::Select: null}", "{Ref: null}");
    }

    @ParameterizedTest
    @MethodSource("malformedIntrinsics")
    void aMalformedIntrinsicIsAnUnknownValueAndTheRestIsScanned(String odd, @TempDir Path dir) throws IOException {
        ScanResult result = scan(write(dir, "t.yaml", FUNCTION.formatted(odd)));

        assertThat(result.findings()).extracting(Finding::ruleId, f -> f.span().startLine())
                .contains(tuple("CFS101", 13))
                .noneMatch(t -> t.toArray()[0].equals("CFS001"));
    }

    @Test
    void selectWithANegativeIndexDoesNotHideASecretElsewhereInTheFile(@TempDir Path dir) throws IOException {
        ScanResult result = scan(write(dir, "t.yaml", FUNCTION.formatted("!Select [-1, [a, b]]")));

        assertThat(result.findings()).extracting(Finding::ruleId, f -> f.span().startLine())
                .containsExactly(tuple("CFS110", 5), tuple("CFS101", 13));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static ScanResult scan(Path... paths) {
        return new Scanner(ScanOptions.DEFAULT).scan(Stream.of(paths).map(Path::toString).toList(), () -> {
            throw new AssertionError("no stdin");
        });
    }
}
