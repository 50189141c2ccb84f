package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug of ours on one file becomes that file's CFS001; the other files are still scanned. */
class ScannerContainmentTest {

    /** A rule that fails on templates whose description says so, as a bug would. */
    private static final class FailingRule implements Rule {
        @Override
        public String id() {
            return "CFS101";
        }

        @Override
        public void check(RuleContext context) {
            context.template()
                    .ifPresent(
                            t -> {
                                if (t.root().getString("Description").orElse("").equals("trip")) {
                                    throw new IllegalStateException(
                                            "secret-looking text ghp_notreallyasecretatall0000000000000");
                                }
                            });
        }
    }

    @Test
    void aFailingRuleBecomesAnUnreadableFindingForThatFileOnly(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("a-trips.yaml"),
                "Description: trip\nResources:\n  B: {Type: AWS::S3::Bucket}\n");
        Files.writeString(
                dir.resolve("b-broken.yaml"), "Resources:\n  B: {Type: AWS::S3::Bucket\n");
        List<Rule> rules = new ArrayList<>(BuiltInRules.of(Catalog.bundled()));
        rules.add(new FailingRule());

        ScanResult result =
                new Scanner(ScanOptions.DEFAULT, Catalog.bundled(), rules)
                        .scan(List.of(dir.toString()), InputStream::nullInputStream);

        assertThat(result.filesScanned()).isEqualTo(2);
        assertThat(result.findings())
                .extracting(Finding::ruleId)
                .containsExactly("CFS001", "CFS001");
        Finding contained = result.findings().get(0);
        assertThat(contained.file()).endsWith("a-trips.yaml");
        assertThat(contained.message())
                .contains(Scanner.INTERNAL_ERROR, "IllegalStateException", "FailingRule")
                .doesNotContain("ghp_");
        assertThat(result.findings().get(1).file()).endsWith("b-broken.yaml");
        assertThat(result.findings().get(1).message()).doesNotContain(Scanner.INTERNAL_ERROR);
    }
}
