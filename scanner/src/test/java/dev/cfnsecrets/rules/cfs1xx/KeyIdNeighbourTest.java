package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CFS111 takes a 40-character value for an AWS secret access key when an access key id sits in the
 * same map, and only there: the answer is worked out once per map and holds for each of its values,
 * not for the values of another map of the same resource.
 */
class KeyIdNeighbourTest {
    private static final String KEY_ID = "AKIAVZD2SJSGQU3BENOY";
    private static final String SECRET = "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";

    @Test
    void aFortyCharacterValueBesideAKeyIdIsASecretKeyInThatMapOnly() {
        String template =
                String.join(
                        "\n",
                        "Resources:",
                        "  Thing:",
                        "    Type: AWS::Some::Thing",
                        "    Properties:",
                        "      Client:",
                        "        Id: " + KEY_ID,
                        "        Data: " + SECRET,
                        "        More: " + SECRET + "x",
                        "      Other:",
                        "        Data: " + SECRET,
                        "");
        List<String> found =
                BuiltInRules.scanner(ScanOptions.DEFAULT.withRules(List.of("CFS111"), List.of()))
                        .scan(new SourceFile("t.yaml", template))
                        .findings()
                        .stream()
                        .map(KeyIdNeighbourTest::described)
                        .toList();
        assertThat(found)
                .containsExactlyInAnyOrder(
                        "CFS111 6 AWS access key id", "CFS111 7 AWS secret access key");
    }

    private static String described(Finding f) {
        String kind =
                f.message().contains("AWS secret access key")
                        ? "AWS secret access key"
                        : f.message().contains("AWS access key id") ? "AWS access key id" : "?";
        return f.ruleId() + " " + f.span().startLine() + " " + kind;
    }
}
