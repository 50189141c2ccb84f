package dev.cfnsecrets.rules.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Credentials of known formats in a file that does not parse: where, which rule, how hidden. */
class UnparsedCredentialsTest {
    private static final String TOKEN = "ghp_" + "HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI";

    /** Lines 1-5: a function's Environment/Variables, in a file that will not parse. */
    private static final String ENVIRONMENT =
            "Resources:\n  Fn:\n    Properties:\n      Environment:\n        Variables:";

    private static ScanResult scan(String text) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT).scan(new SourceFile("t.yaml", text));
    }

    private static List<Finding> findings(String text) {
        return scan(text).findings();
    }

    @Test
    void theSpanIsTheCredentialsOwnLineAndColumns() {
        String text =
                String.join(
                        "\n",
                        ENVIRONMENT,
                        "          - TOKEN: " + TOKEN,
                        "      Other: \"" + TOKEN + "\"",
                        "  Bad: [x",
                        "");
        List<Finding> found = findings(text);
        assertThat(found)
                .extracting(Finding::ruleId, Finding::span)
                .containsExactly(
                        tuple("CFS101", new Span(6, 20, 6, 60)),
                        tuple("CFS111", new Span(7, 15, 7, 55)),
                        tuple("CFS001", new Span(8, 8, 8, 9)));
        assertThat(text.split("\n")[5].substring(19, 59)).isEqualTo(TOKEN);
    }

    @Test
    void aKeyBackAtTheIndentationOfEnvironmentEndsTheEnvironment() {
        String text =
                String.join(
                        "\n",
                        ENVIRONMENT,
                        "          A: x",
                        "      Code:",
                        "        ZipFile: \"" + TOKEN + "\"",
                        "    Other: !Reff x",
                        "");
        assertThat(findings(text))
                .extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CFS111", "CFS001");
    }

    @Test
    void aNameAloneReportsNothingAndTheSecretIsNeverPrinted() {
        String text = "Resources:\n  X:\n    Password: Tr0ub4dor3xQ\n    Y: [" + TOKEN + "\n";
        ScanResult result = scan(text);
        assertThat(result.findings())
                .extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CFS111", "CFS001");
        for (Format format : Format.values()) {
            assertThat(ReportFixtures.render(Reporters.of(format, false, false), result))
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void aFileThatBreaksALimitIsNotReadForCredentials() {
        String deep = "a: " + "[".repeat(300) + "\"" + TOKEN + "\"" + "]".repeat(300) + "\n";
        assertThat(findings(deep)).extracting(Finding::ruleId).containsExactly("CFS001");
    }

    @Test
    @Timeout(20)
    void everDeeperIndentationTakesLinearWork() {
        // The stray ']' stops the parser on the first line, before the nesting limit.
        StringBuilder text = new StringBuilder("]\nEnvironment:\n Variables:\n");
        for (int i = 2; i < 20_000; i++) {
            text.append(" ".repeat(2 + i % 300)).append("k").append(i).append(": ").append('\n');
        }
        text.append("  X: ").append(TOKEN).append('\n');
        assertThat(findings(text.toString()))
                .extracting(Finding::ruleId)
                .contains("CFS001", "CFS101");
    }
}
