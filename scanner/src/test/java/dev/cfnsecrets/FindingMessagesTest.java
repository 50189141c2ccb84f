package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.InputStream;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every finding's message says what was found and what to do, a sentence each, and leaves the long
 * advice to the rule's help ({@code explain}, SARIF's help): at most two sentences, at most {@value
 * #PROSE_LIMIT} characters of prose besides the names it quotes, and no run of {@value #SHARED_RUN}
 * words copied from the help.
 */
class FindingMessagesTest {
    static final int PROSE_LIMIT = 300;
    static final int SHARED_RUN = 12;

    @Test
    void everyFixtureFindingIsConcise() {
        ScanResult result =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scan(List.of(Fixtures.root().toString()), InputStream::nullInputStream);

        // Every rule of the catalog is measured, not only some.
        assertThat(result.findings().stream().map(Finding::ruleId).distinct())
                .containsAll(Catalog.bundled().all().stream().map(RuleDescription::id).toList());
        assertConcise(result.findings());
    }

    @Test
    void everyRealWorldFindingIsConcise() {
        assertConcise(RealWorldCorpus.scan("CFS").findings());
    }

    private static void assertConcise(List<Finding> findings) {
        Catalog catalog = Catalog.bundled();
        SoftAssertions softly = new SoftAssertions();
        for (Finding f : findings) {
            MessageText message = new MessageText(f.message());
            String where = f.ruleId() + " at " + f.file() + ":" + f.span().startLine();
            softly.assertThat(message.sentences()).as(where).hasSizeBetween(1, 2);
            softly.assertThat(message.proseLength()).as(where).isLessThanOrEqualTo(PROSE_LIMIT);
            String help = catalog.find(f.ruleId()).orElseThrow().helpMarkdown();
            softly.assertThat(message.sharedRun(help, SHARED_RUN)).as(where).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void abbreviationsDottedNamesAndQuotedTextEndNoSentence() {
        MessageText message =
                new MessageText(
                        "Metadata AWS::CloudFormation::Init.config.files./etc/app.conf of Host"
                                + " resolves {{resolve:secretsmanager:a. b}} (e.g. a key) at 92.8 %"
                                + " in 'my. policy'. Put the name there instead.");

        assertThat(message.sentences()).hasSize(2);
        assertThat(new MessageText("One. Two! Three? Four").sentences()).hasSize(4);
    }

    @Test
    void namesDoNotCountAsProse() {
        MessageText message =
                new MessageText(
                        "Variable DB_PASSWORD of OrdersFunction allows lambda:GetFunction on"
                                + " \"arn:aws:lambda:us-east-1:111122223333:function:orders\".");

        assertThat(message.proseLength()).isEqualTo("Variable of allows on ".length());
    }

    @Test
    void aCopiedRunOfTheHelpIsFound() {
        String help =
                "Put its name or ARN in the variable, and fetch the value at runtime with the"
                        + " AWS SDK or the Parameters and Secrets Lambda extension.";
        MessageText copied =
                new MessageText(
                        "Variable X holds a token. Fetch the value at runtime with the AWS SDK or"
                                + " the Parameters and Secrets Lambda extension.");
        MessageText own = new MessageText("Variable X holds a token. Fetch it at runtime.");

        assertThat(copied.sharedRun(help, SHARED_RUN)).isPresent();
        assertThat(own.sharedRun(help, SHARED_RUN)).isEmpty();
    }
}
