package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfnsecrets.finding.Finding;
import org.junit.jupiter.api.Test;

/**
 * The marks harness itself: a template whose findings differ from its marks fails, and says where
 * and why.
 */
class MarkedTemplateTest {
    /** Made up, valid for nothing. */
    private static final String STRIPE_KEY = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";

    private static String function(String apiKeyMark, String tableMark) {
        return """
                Resources:
                  Fn:  # expect: CFS110 "API_KEY"
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment:
                        Variables:
                          API_KEY: %s  %s
                          TABLE: orders  %s
                """
                .formatted(STRIPE_KEY, apiKeyMark, tableMark);
    }

    @Test
    void findingsThatMatchTheirMarksAndFragmentsPass() {
        assertThat(
                        MarkedTemplate.scan(
                                        function(
                                                "# expect: CFS101 \"Stripe live secret key\"",
                                                "# ok: CFS101, CFS102"))
                                .findings())
                .extracting(Finding::ruleId)
                .containsExactly("CFS110", "CFS101");
    }

    @Test
    void aWrongFragmentFailsNamingTheMarkTheFragmentAndTheMaskedMessage() {
        assertThatThrownBy(
                        () ->
                                MarkedTemplate.scan(
                                        function("# expect: CFS101 \"GitHub token\"", "")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "wrong message: t.yaml:7 CFS101: no message contains \"GitHub token\"; reported: "
                                + "[Variable API_KEY holds a Stripe live secret key written in the template.");
    }

    @Test
    void aSecretInTheReportedMessageIsMaskedInTheFailure() {
        String token = "ghp_" + "Wrm9GHF6kX1h4R8vRYeo6w5vdcXNIoNJuY5W";
        String template =
                """
                Parameters:
                  Stage: {Type: String, Default: "%s"}  # expect: CFS108 "its Default holds a GitHub token"
                """
                                .formatted(token)
                        + TestTemplates.functionWithVariables(
                                """
                DB_PASSWORD: !Sub "{{resolve:ssm-secure:/${Stage}/db}}"  # expect: CFS104 "Secrets Manager"
                """);
        assertThatThrownBy(() -> MarkedTemplate.scan(template))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "t.yaml:9 CFS104: no message contains \"Secrets Manager\"; "
                                + "reported: [{{resolve:ssm-secure:/ghp_…(40 chars)/db}} in Lambda environment variable DB_PASSWORD")
                .hasMessageNotContaining(token);
        MarkedTemplate.scan(template.replace("Secrets Manager", "rejects ssm-secure there"));
    }

    @Test
    void aMissingAnUnexpectedAndAnOkFindingEachFail() {
        assertThatThrownBy(() -> MarkedTemplate.scan(function("# ok: CFS101", "# expect: CFS102")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected, not reported: t.yaml:8 CFS102")
                .hasMessageContaining("reported, not expected: t.yaml:7 CFS101")
                .hasMessageContaining("reported on a line marked ok: t.yaml:7 CFS101");
    }

    @Test
    void anIdListedTwiceExpectsTwoFindings() {
        assertThatThrownBy(() -> MarkedTemplate.scan(function("# expect: CFS101, CFS101", "")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "expected, not reported: t.yaml:7 CFS101 (2 expected, 1 reported)");
    }

    @Test
    void aFragmentThatIsNotQuotedOrOnAnOkMarkIsRefused() {
        assertThatThrownBy(
                        () -> Fixtures.ofText("t.yaml", "A: 1  # expect: CFS101 \"GitHub token\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t.yaml:1: a message fragment is a double-quoted text");
        assertThatThrownBy(() -> Fixtures.ofText("t.yaml", "A: 1\nB: 2  # ok: CFS101 \"token\"\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.yaml:2: an ok mark takes no message fragment");
    }

    @Test
    void aMarkListsIdsWithAndWithoutFragments() {
        Fixtures marks =
                Fixtures.ofText("t.yaml", "A: 1  # expect: CFS304, CFS305 \"Reader\", CFS305\n");
        assertThat(marks.expectations)
                .containsExactly(
                        new Fixtures.Expectation(new Fixtures.Mark("t.yaml", 1, "CFS304"), ""),
                        new Fixtures.Expectation(
                                new Fixtures.Mark("t.yaml", 1, "CFS305"), "Reader"),
                        new Fixtures.Expectation(new Fixtures.Mark("t.yaml", 1, "CFS305"), ""));
        assertThat(marks.expected).hasSize(2);
    }
}
