package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubReporterTest {
    @TempDir Path temp;

    private static String github(ScanResult result) {
        return ReportFixtures.render(new GithubReporter(new Redactor(false)), result);
    }

    @Test
    void realScanGivesAnErrorAnnotation() throws IOException {
        Path bad = ReportFixtures.writeMalformed(temp.resolve("bad.yaml"));
        String file = GithubReporter.property(bad.toString());

        String[] lines = github(ReportFixtures.scan(bad)).split("\n");

        assertThat(lines[0])
                .startsWith(
                        "::error file="
                                + file
                                + ",line=3,col=1,endLine=3,endColumn=1,"
                                + "title=CFS001 template-unreadable::"
                                + bad
                                + ": duplicate key 'Resources'");
        assertThat(lines[1])
                .isEqualTo(
                        "cfn-secrets: 1 file scanned, 0 skipped: 1 error, 0 warnings, 0 notes, 0 suppressed");
        assertThat(lines).hasSize(2);
    }

    @Test
    void levelsMapToErrorWarningNoticeAndSuppressedFindingsAreSkipped() throws IOException {
        String out = github(ReportFixtures.everyKind(ReportFixtures.testCatalog(temp)));

        assertThat(out)
                .isEqualTo(
                        String.join(
                                "\n",
                                "::error file=app/template.yaml,line=10,col=25,endLine=10,endColumn=64,title=CFS101 credential-in-env"
                                        + "::GITHUB_TOKEN holds a GitHub token (ghp_…(40 chars)); pass a secret name and read it at runtime."
                                        + "%0Aconstruct: App/Stack/Fn/Resource",
                                "::warning file=app/template.yaml,line=11,col=23,endLine=11,endColumn=42,title=CFS101 credential-in-env"
                                        + "::DEPLOY_KEY holds an AWS access key id AKIA…(20 chars).",
                                // Several lines: GitHub takes no columns; a rule missing from the
                                // catalog is titled by its id.
                                "::notice file=app/template.yaml,line=4,endLine=6,title=CFS106::resolved into env",
                                "cfn-secrets: 3 files scanned, 1 skipped: 1 error, 1 warning, 1 note, 1 suppressed",
                                ""));
    }

    @Test
    void escapesDataAndProperties() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        Finding odd =
                ReportFixtures.bareFinding(
                        "CFS101",
                        Level.ERROR,
                        "100% bad\r\n::error::injected",
                        "dir,a:b/t%.yaml",
                        new Span(1, 1, 1, 2));
        ScanResult result = new ScanResult(List.of(odd), Map.of(), 1, 0, catalog);

        String first = github(result).split("\n")[0];

        assertThat(first)
                .isEqualTo(
                        "::error file=dir%2Ca%3Ab/t%25.yaml,line=1,col=1,endLine=1,endColumn=1,"
                                + "title=CFS101 credential-in-env::100%25 bad%0D%0A:\\:error::injected");
        assertThat(GithubReporter.data("a:b,c")).isEqualTo("a:b,c");
        assertThat(GithubReporter.property("a:b,c\n")).isEqualTo("a%3Ab%2Cc\\n");
    }
}
