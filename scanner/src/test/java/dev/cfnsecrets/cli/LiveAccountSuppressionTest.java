package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.report.SarifSchema;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A suppression of CFS305 on a function in its stack's template covers the account-level CFS305
 * findings about that function (live mode, against moto): they stay in the report, suppressed in
 * source, and do not fail the scan. One user, dev, reads every function of the account; in
 * us-east-1 the stack shop has an accepted function and one that is not; in us-west-2 the stack
 * quiet has only an accepted one.
 */
class LiveAccountSuppressionTest {
    private static final String ACCOUNT = "123456789012";
    private static final String IAM_PATH = "aws:iam:" + ACCOUNT;
    private static final String DEV = "arn:aws:iam::" + ACCOUNT + ":user/dev";
    private static final String REASON =
            "dev debugs this function; its token only reads a test repository";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final LocalMoto MOTO = new LocalMoto();
    private static String acceptedFunction;
    private static String otherFunction;
    private static String quietFunction;

    @BeforeAll
    static void deploy() throws Exception {
        MotoServer moto = MOTO.server();
        try (CloudFormationClient east = moto.cloudFormation();
                CloudFormationClient west = moto.cloudFormation(Region.US_WEST_2);
                IamClient iam = moto.iam()) {
            // The functions' execution role: it reads nothing.
            MotoIam.role(iam, "shop-exec");
            MotoIam.user(
                    iam,
                    "dev",
                    "debug",
                    MotoIam.allow(
                            "lambda:GetFunctionConfiguration",
                            "arn:aws:lambda:*:" + ACCOUNT + ":function:*"));
            String token = LiveModeTest.githubToken();
            east.createStack(
                    r ->
                            r.stackName("shop")
                                    .templateBody(
                                            template(
                                                    accepted("AcceptedFn", token)
                                                            + LiveAccountReadsTest.function(
                                                                    "OtherFn",
                                                                    "",
                                                                    "GITHUB_TOKEN: " + token))));
            west.createStack(
                    r -> r.stackName("quiet").templateBody(template(accepted("QuietFn", token))));
            acceptedFunction = physicalId(east, "shop", "AcceptedFn");
            otherFunction = physicalId(east, "shop", "OtherFn");
            quietFunction = physicalId(west, "quiet", "QuietFn");
        }
    }

    private static String template(String resources) {
        return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + resources;
    }

    /** A function holding the token whose Metadata ignores CFS305. */
    private static String accepted(String logicalId, String token) {
        return LiveAccountReadsTest.function(logicalId, "", "GITHUB_TOKEN: " + token)
                + "    Metadata:\n      cfn-secrets:\n        ignore:\n"
                + "          - {id: CFS305, reason: \""
                + REASON
                + "\"}\n";
    }

    private static String physicalId(CloudFormationClient cfn, String stack, String logicalId) {
        return cfn.describeStackResource(r -> r.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail()
                .physicalResourceId();
    }

    @Test
    void theAcceptedFunctionsFindingIsSuppressedInSourceAndTheOtherFunctionsFailsTheScan()
            throws Exception {
        CommandRun run = scanAccountForCfs305("us-east-1", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(findings(run.out()))
                .containsExactlyInAnyOrder(
                        suppressedInSource("shop/AcceptedFn", acceptedFunction),
                        tuple(IAM_PATH, DEV, "shop/OtherFn (" + otherFunction + ")", null, null));
        assertThat(JSON.readTree(run.out()).at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).at("/summary/suppressed").asInt()).isEqualTo(1);
        assertThat(run.out()).doesNotContain(LiveModeTest.githubToken());
    }

    @Test
    void sarifMarksTheAcceptedFunctionsResultSuppressedInSourceWithTheTemplatesReason()
            throws Exception {
        CommandRun run = scanAccountForCfs305("us-east-1", "sarif");

        assertThat(SarifSchema.violations(run.out())).isEmpty();
        List<Tuple> results = new ArrayList<>();
        JSON.readTree(run.out())
                .at("/runs/0/results")
                .forEach(
                        r ->
                                results.add(
                                        tuple(
                                                LiveAccountReadsTest.functionRead(
                                                        r.at("/message/text").asText()),
                                                r.get("suppressions") == null
                                                        ? List.of()
                                                        : r.get("suppressions")
                                                                .findValuesAsText("kind"),
                                                r.get("suppressions") == null
                                                        ? List.of()
                                                        : r.get("suppressions")
                                                                .findValuesAsText(
                                                                        "justification"))));
        assertThat(results)
                .containsExactlyInAnyOrder(
                        tuple(
                                "shop/AcceptedFn (" + acceptedFunction + ")",
                                List.of("inSource"),
                                List.of(REASON + " (on shop/AcceptedFn in the stack's template)")),
                        tuple("shop/OtherFn (" + otherFunction + ")", List.of(), List.of()));
    }

    @Test
    void aScanWhoseOnlyAccountFindingIsSuppressedPasses() throws Exception {
        CommandRun run = scanAccountForCfs305("us-west-2", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
        assertThat(findings(run.out()))
                .containsExactly(suppressedInSource("quiet/QuietFn", quietFunction));
    }

    /** The account scan of {@code region} with CFS305 enabled, failing on a warning. */
    private static CommandRun scanAccountForCfs305(String region, String format) {
        return CommandRun.accountScan(region, format, "CFS305", "--fail-on", "warning");
    }

    /**
     * The {@link #findings} row of dev reading {@code function} (stack/logical id), suppressed by
     * its template.
     */
    private static Tuple suppressedInSource(String function, String physicalId) {
        return tuple(
                IAM_PATH,
                DEV,
                function + " (" + physicalId + ")",
                "inSource",
                REASON + " (on " + function + " in the stack's template)");
    }

    /**
     * (file, principal, function, suppression kind, justification) of each finding of a JSON
     * report.
     */
    private static List<Tuple> findings(String json) throws Exception {
        List<Tuple> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json).get("findings")) {
            JsonNode suppression = f.get("suppression");
            boolean none = suppression == null || suppression.isNull();
            out.add(
                    tuple(
                            f.get("file").asText(),
                            f.get("logicalId").asText(),
                            LiveAccountReadsTest.functionRead(f.get("message").asText()),
                            none ? null : suppression.get("kind").asText(),
                            none ? null : suppression.get("justification").asText()));
        }
        return out;
    }
}
