package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingLineTest {
    @TempDir Path temp;

    @Test
    void realScanGivesPathLineColumnRuleAndMessage() throws IOException {
        Path bad = ReportFixtures.writeMalformed(temp.resolve("bad.yaml"));
        Finding finding = ReportFixtures.scan(bad).findings().get(0);

        assertThat(FindingLine.of(finding, new Redactor(false)))
                .startsWith(bad + ":3:1 CFS001 " + bad + ": duplicate key 'Resources'");
    }

    @Test
    void secretsAreRedactedUnlessAskedFor() {
        Finding token = ReportFixtures.tokenFinding();

        assertThat(FindingLine.of(token, new Redactor(false)))
                .isEqualTo(
                        "app/template.yaml:10:25 CFS101"
                                + " GITHUB_TOKEN holds a GitHub token (ghp_…(40 chars)); pass a secret name and read it at runtime.")
                .doesNotContain(ReportFixtures.GITHUB_TOKEN);
        assertThat(FindingLine.of(token, new Redactor(true))).contains(ReportFixtures.GITHUB_TOKEN);
    }

    @Test
    void controlCharactersFromTheTemplateCannotDriveTheTerminal() {
        Finding finding =
                new Finding(
                        "CFS001",
                        Level.ERROR,
                        "bad key 'a\u001b[2Jb'\nnext",
                        "odd\u001bname.yaml",
                        new Span(1, 2, 1, 3),
                        null,
                        "",
                        null,
                        List.of(),
                        List.of(),
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());

        assertThat(FindingLine.of(finding, new Redactor(false)))
                .isEqualTo("odd\\u001bname.yaml:1:2 CFS001 bad key 'a\\u001b[2Jb'\\nnext");
    }
}
