package dev.cfnsecrets.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsPageTest {
    private static final String KEY = "AKIA2E4G6JQ3VX5LMN7P";

    @TempDir Path dir;

    private ScanResult scan(String fileName, String template) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, template);
        return BuiltInRules.scanner(ScanOptions.DEFAULT.withRoot(dir), Catalog.bundled())
                .scan(List.of(file.toString()), InputStream::nullInputStream);
    }

    private static String html(ScanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FindingsPage(new Xhtml5SinkFactory().createSink(out, "UTF-8")).render(result);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String leaking(String variable) {
        return """
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment:
                        Variables:
                          %s: %s
                """
                .formatted(variable, KEY);
    }

    @Test
    void aFindingIsARowOfRuleFileLineLevelAndRedactedMessage() throws IOException {
        String page = html(scan("template.yaml", leaking("DEPLOY_KEY_ID")));

        assertThat(page).contains("<h1>cfn-secrets</h1>");
        assertThat(page).contains("cfn-secrets: 1 file scanned, 0 skipped: 1 error");
        assertThat(page)
                .containsPattern(
                        "<tr[^>]*>\\s*<td>CFS101</td>\\s*<td>template.yaml</td>\\s*<td>7</td>"
                                + "\\s*<td>error</td>\\s*<td>[^<]*DEPLOY_KEY_ID[^<]*</td>");
        assertThat(page).doesNotContain(KEY);
    }

    @Test
    void textFromTheProjectIsEscapedNotMarkup() throws IOException {
        String page = html(scan("a<b>x.yaml", leaking("DEPLOY_KEY_ID")));

        assertThat(page).contains("a&lt;b&gt;x.yaml").doesNotContain("a<b>x.yaml");
    }

    @Test
    void aCleanScanSaysSoWithoutATable() throws IOException {
        String page = html(scan("template.yaml", "Resources: {}\n"));

        assertThat(page).contains("No finding to show.").doesNotContain("<table");
    }
}
