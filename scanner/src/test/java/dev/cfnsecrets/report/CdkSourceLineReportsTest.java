package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.NoStdin;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the text, github and JSON reports show a finding that the scan traced back to the line of a
 * CDK app that created its construct: a scan of the committed assembly of {@code fixtures/cdk-app}
 * (SARIF: {@code CdkAppFixtureTest}). The token of CheckoutHandler is created at {@code
 * lib/api-stack.js:17:5} and written at line 42 of the API stack's template.
 */
class CdkSourceLineReportsTest {
    private static final Path REPOSITORY =
            Path.of(System.getProperty("cfnsecrets.repo", "..")).toAbsolutePath().normalize();
    private static final Path ASSEMBLY =
            REPOSITORY.resolve("fixtures/cdk-app/cdk.out-no-path-metadata");
    private static final String SOURCE = "fixtures/cdk-app/lib/api-stack.js";
    private static final String TEMPLATE = "assembly-Prod/ProdApi2466CF1F.template.json";

    private static ScanResult result;
    private static Finding token;

    @BeforeAll
    static void scan() {
        result =
                BuiltInRules.scanner(ScanOptions.DEFAULT.withRoot(REPOSITORY))
                        .scan(List.of(ASSEMBLY.toString()), NoStdin::read);
        token =
                result.findings().stream()
                        .filter(f -> f.ruleId().equals("CFS101"))
                        .findFirst()
                        .orElseThrow();
    }

    /** As reports show a file: relative to the working directory when under it. */
    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return (file.startsWith(cwd) ? cwd.relativize(file) : file).toString().replace('\\', '/');
    }

    @Test
    void textStartsAtTheSourceLineThenSaysWhereTheTemplatesSnippetIs() {
        String text = ReportFixtures.render(new TextReporter(false, new Redactor(false)), result);
        String source = shown(REPOSITORY.resolve(SOURCE));
        String template = shown(ASSEMBLY.resolve(TEMPLATE));

        assertThat(token.message()).startsWith("Variable PAYMENT_API_TOKEN holds a GitHub token");
        assertThat(text)
                .contains(
                        String.join(
                                "\n",
                                source + ":17:5: error CFS101 " + token.message(),
                                "    template: " + template + ":42:29",
                                "  42 |       \"PAYMENT_API_TOKEN\": \"ghp_…(40 chars)\""));
    }

    @Test
    void githubAnnotatesTheSourceLineAndNamesTheTemplatePlace() {
        String github = ReportFixtures.render(new GithubReporter(new Redactor(false)), result);

        assertThat(github)
                .contains(
                        "::error file="
                                + GithubReporter.property(shown(REPOSITORY.resolve(SOURCE)))
                                + ",line=17,col=5,endLine=17,endColumn=5,title=CFS101"
                                + " credential-in-env::"
                                + GithubReporter.data(token.message())
                                + "%0Aconstruct: Prod/Api/CheckoutHandler/Resource%0AIn the"
                                + " synthesised template: "
                                + GithubReporter.data(shown(ASSEMBLY.resolve(TEMPLATE)))
                                + ":42:29\n");
    }

    @Test
    void jsonKeepsTheTemplatePlaceAndAddsTheSource() throws IOException {
        String json = ReportFixtures.render(new JsonReporter(new Redactor(false)), result);
        JsonNode finding = null;
        for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
            if (f.path("ruleId").asText().equals("CFS101")) {
                finding = f;
            }
        }
        assertThat(finding).isNotNull();
        assertThat(finding.path("file").asText()).isEqualTo(shown(ASSEMBLY.resolve(TEMPLATE)));
        assertThat(finding.path("startLine").asInt()).isEqualTo(42);
        assertThat(finding.path("fingerprint").asText()).isEqualTo(token.fingerprint());
        JsonNode source = finding.path("source");
        assertThat(source.path("file").asText()).isEqualTo(shown(REPOSITORY.resolve(SOURCE)));
        assertThat(source.path("startLine").asInt()).isEqualTo(17);
        assertThat(source.path("startColumn").asInt()).isEqualTo(5);
        assertThat(source.path("message").asText())
                .isEqualTo("where Prod/Api/CheckoutHandler/Resource is created");
    }
}
