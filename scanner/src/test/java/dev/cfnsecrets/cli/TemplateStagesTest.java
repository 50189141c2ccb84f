package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfnsecrets.TestTemplates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GetTemplate's stages, which moto does not model: a stack without a processed stage is scanned
 * from its original template with a note; a processed stage that exists but fails is an error. A
 * small stand-in for CloudFormation's query API answers as CloudFormation does.
 */
class TemplateStagesTest {
    private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private static HttpServer cloudFormation;

    @BeforeAll
    static void start() throws IOException {
        cloudFormation =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormation.createContext("/", TemplateStagesTest::getTemplate);
        cloudFormation.start();
        LocalAws.use(URI.create("http://127.0.0.1:" + cloudFormation.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        LocalAws.clear();
        cloudFormation.stop(0);
    }

    /**
     * Stack "legacy" has only its original template; stack "locked" has both stages, and the caller
     * may read only the original one.
     */
    private static void getTemplate(HttpExchange exchange) throws IOException {
        String request =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean processed = request.contains("TemplateStage=Processed");
        boolean legacy = request.contains("StackName=legacy");
        if (processed && legacy) {
            respond(
                    exchange,
                    400,
                    error("ValidationError", "Template stage Processed is not available"));
        } else if (processed) {
            respond(
                    exchange,
                    403,
                    error("AccessDenied", "not authorized to perform: cloudformation:GetTemplate"));
        } else {
            String stages =
                    legacy
                            ? "<member>Original</member>"
                            : "<member>Original</member><member>Processed</member>";
            respond(
                    exchange,
                    200,
                    "<GetTemplateResponse xmlns=\""
                            + NAMESPACE
                            + "\"><GetTemplateResult>"
                            + "<TemplateBody>"
                            + template()
                            + "</TemplateBody>"
                            + "<StagesAvailable>"
                            + stages
                            + "</StagesAvailable>"
                            + "</GetTemplateResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                            + "</GetTemplateResponse>");
        }
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\""
                + NAMESPACE
                + "\"><Error><Type>Sender</Type><Code>"
                + code
                + "</Code>"
                + "<Message>"
                + message
                + "</Message></Error><RequestId>1</RequestId></ErrorResponse>";
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String template() {
        return TestTemplates.functionWithVariables("GITHUB_TOKEN: " + LiveModeTest.githubToken());
    }

    @Test
    void aStackWithoutAProcessedStageIsScannedFromItsOriginalTemplateWithANote() throws Exception {
        CommandRun run =
                CommandRun.of(
                        "scan",
                        "--aws-stack",
                        "legacy",
                        "--aws-region",
                        "us-east-1",
                        "-f",
                        "json",
                        "--enable",
                        "CFS101");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        JsonNode finding = new ObjectMapper().readTree(run.out()).get("findings").get(0);
        assertThat(finding.get("file").asText()).isEqualTo("aws:cloudformation:us-east-1:legacy");
        assertThat(finding.get("startLine").asInt()).isEqualTo(7);
        assertThat(run.err())
                .isEqualTo(
                        "cfn-secrets: stack 'legacy' has no processed template; scanned the original one"
                                + System.lineSeparator());
    }

    @Test
    void aProcessedStageThatFailsIsAnErrorNotAFallback() {
        CommandRun run =
                CommandRun.of("scan", "--aws-stack", "locked", "--aws-region", "us-east-1");

        assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "cfn-secrets: cannot read the template of stack 'locked': AccessDenied:"
                                + " not authorized to perform: cloudformation:GetTemplate"
                                + System.lineSeparator());
    }
}
