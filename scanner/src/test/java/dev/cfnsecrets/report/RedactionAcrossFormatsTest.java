package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reports are shared: no format may print a planted secret, unless --show-secrets asks for it. */
class RedactionAcrossFormatsTest {
    @TempDir Path temp;

    private ScanResult planted() throws IOException {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        // Both secrets sit in messages, related notes, fix descriptions and the source lines shown.
        return ReportFixtures.handBuilt(
                catalog, ReportFixtures.tokenFinding(), ReportFixtures.keyFinding());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void noFormatPrintsAPlantedSecret(Format format) throws IOException {
        String out = ReportFixtures.render(Reporters.of(format, false, true), planted());

        assertThat(out)
                .doesNotContain(ReportFixtures.GITHUB_TOKEN)
                .doesNotContain(ReportFixtures.AWS_KEY_ID)
                .doesNotContain(ReportFixtures.GITHUB_TOKEN.substring(4, 20))
                .doesNotContain(ReportFixtures.AWS_KEY_ID.substring(4))
                .contains("ghp_…(40 chars)")
                .contains("AKIA…(20 chars)");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void showSecretsPrintsThem(Format format) throws IOException {
        String out = ReportFixtures.render(Reporters.of(format, true, false), planted());

        assertThat(out)
                .contains(ReportFixtures.GITHUB_TOKEN)
                .contains(ReportFixtures.AWS_KEY_ID)
                .doesNotContain("(40 chars)");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void eachFormatHasItsOwnReporter(Format format) {
        Reporter reporter = Reporters.of(format, false, false);
        Class<? extends Reporter> expected =
                switch (format) {
                    case SARIF -> SarifReporter.class;
                    case JSON -> JsonReporter.class;
                    case GITHUB -> GithubReporter.class;
                    case JUNIT -> JunitReporter.class;
                    case GITLAB_SAST -> GitlabSastReporter.class;
                    case MARKDOWN -> MarkdownReporter.class;
                    case TEXT -> TextReporter.class;
                };
        assertThat(reporter).isInstanceOf(expected);
    }
}
