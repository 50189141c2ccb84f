package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.iam.ManagedPolicies;
import dev.cfnsecrets.report.SarifSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Live mode against moto (one server for the class): a deployed stack and account IAM made through
 * the AWS APIs, then {@code scan --aws-stack}/{@code --aws-account} as a user runs it, the SDK
 * pointed at moto by {@link LocalAws}.
 */
class LiveModeTest {
    private static final String ACCOUNT = "123456789012";
    private static final String STACK_PATH = "aws:cloudformation:us-east-1:orders";
    private static final String IAM_PATH = "aws:iam:" + ACCOUNT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Grants lambda:GetFunctionConfiguration on "*"; not among the bundled facts, so only its real
     * document tells.
     */
    private static final String UNBUNDLED_MANAGED_POLICY =
            "arn:aws:iam::aws:policy/service-role/AWSGreengrassResourceAccessRolePolicy";

    @RegisterExtension static final LocalMoto MOTO = new LocalMoto();

    @BeforeAll
    static void deploy() throws Exception {
        MotoServer moto = MOTO.server();
        try (CloudFormationClient cfn = moto.cloudFormation();
                IamClient iam = moto.iam()) {
            cfn.createStack(r -> r.stackName("orders").templateBody(ordersTemplate()));
            // CloudFormation's parser keeps the last of two equal keys; ours reports them (CFS001).
            cfn.createStack(
                    r ->
                            r.stackName("dupes")
                                    .templateBody(
                                            """
                    AWSTemplateFormatVersion: '2010-09-09'
                    Resources:
                      Topic:
                        Type: AWS::SNS::Topic
                        Properties:
                          TopicName: one
                          TopicName: two
                    """));
            MotoIam.role(
                    iam, "reader", "read", MotoIam.allow("lambda:GetFunctionConfiguration", "*"));
            // AWS Config's own role: its policy reads every function, but only the service holds
            // it.
            String configRole =
                    iam.createServiceLinkedRole(r -> r.awsServiceName("config.amazonaws.com"))
                            .role()
                            .roleName();
            iam.attachRolePolicy(
                    r ->
                            r.roleName(configRole)
                                    .policyArn(
                                            "arn:aws:iam::aws:policy/aws-service-role/AWSConfigServiceRolePolicy"));
            MotoIam.role(iam, "greengrass");
            iam.attachRolePolicy(r -> r.roleName("greengrass").policyArn(UNBUNDLED_MANAGED_POLICY));
            String decryptAll =
                    iam.createPolicy(
                                    r ->
                                            r.policyName("decrypt-all")
                                                    .policyDocument(
                                                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                                    + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}"))
                            .policy()
                            .arn();
            iam.createGroup(r -> r.groupName("ops"));
            iam.attachGroupPolicy(r -> r.groupName("ops").policyArn(decryptAll));
            iam.createUser(r -> r.userName("alice"));
            iam.addUserToGroup(r -> r.groupName("ops").userName("alice"));
        }
    }

    /**
     * A function with a GitHub token in its environment; the token is made here, not written in the
     * source.
     */
    private static String ordersTemplate() {
        return """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  OrdersRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Principal: {Service: lambda.amazonaws.com}
                            Action: sts:AssumeRole
                  OrdersFn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Role: !GetAtt OrdersRole.Arn
                      Code: {ZipFile: "def handler(event, context): pass"}
                      Environment:
                        Variables:
                          GITHUB_TOKEN: %s
                """
                .formatted(githubToken());
    }

    /** A made-up token of GitHub's format, the same at every call. */
    static String githubToken() {
        return "ghp_" + random(36);
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Random random = new Random(7);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void aStackIsScannedFromItsDeployedTemplate() throws Exception {
        CommandRun run = CommandRun.stackScan("orders", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(findings(run.out()))
                .containsExactlyInAnyOrder(
                        tuple("CFS110", STACK_PATH, 12, "OrdersFn"),
                        tuple("CFS101", STACK_PATH, 21, "OrdersFn"));
        assertThat(run.out()).doesNotContain(githubToken());
    }

    @Test
    void theAccountsIamIsEvaluatedWithTheRealManagedPolicyDocuments() throws Exception {
        assertThat(ManagedPolicies.bundled().entries())
                .as("the test needs a policy the bundled facts do not know")
                .noneMatch(e -> e.arn().equals(UNBUNDLED_MANAGED_POLICY));

        CommandRun run = CommandRun.accountScan("us-east-1", "json", "CFS3");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
        JsonNode report = JSON.readTree(run.out());
        // The IAM template and the two stacks; --enable CFS3 leaves the broken stack's CFS001 out.
        assertThat(report.at("/summary/filesScanned").asInt()).isEqualTo(3);
        assertThat(principals(run.out()))
                .containsExactlyInAnyOrder(
                        tuple("CFS301", IAM_PATH, "arn:aws:iam::" + ACCOUNT + ":role/reader"),
                        tuple("CFS304", IAM_PATH, "arn:aws:iam::" + ACCOUNT + ":role/greengrass"),
                        tuple(
                                "CFS302",
                                IAM_PATH,
                                "arn:aws:iam::" + ACCOUNT + ":policy/decrypt-all"),
                        // Both read every function's configuration, OrdersFn's GitHub token
                        // included (LiveAccountReadsTest).
                        tuple("CFS305", IAM_PATH, "arn:aws:iam::" + ACCOUNT + ":role/reader"),
                        tuple("CFS305", IAM_PATH, "arn:aws:iam::" + ACCOUNT + ":role/greengrass"));
        assertThat(report.get("findings"))
                .anySatisfy(
                        f ->
                                assertThat(f.get("message").asText())
                                        .contains(
                                                "inline policy 'read' of arn:aws:iam::"
                                                        + ACCOUNT
                                                        + ":role/reader"));
        assertThat(report.get("findings"))
                .anySatisfy(
                        f ->
                                assertThat(f.get("message").asText())
                                        .contains(UNBUNDLED_MANAGED_POLICY)
                                        .contains("lambda:GetFunctionConfiguration"));
        assertThat(report.get("findings"))
                .anySatisfy(
                        f ->
                                assertThat(f.get("message").asText())
                                        .contains(
                                                "held by group arn:aws:iam::"
                                                        + ACCOUNT
                                                        + ":group/ops (its users), user arn:aws:iam::"
                                                        + ACCOUNT
                                                        + ":user/alice"));
    }

    @Test
    void aDeployedTemplateOurParserRejectsIsCfs001LikeAFile() throws Exception {
        CommandRun run = CommandRun.stackScan("dupes", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(JSON.readTree(run.out()).at("/findings/0/message").asText())
                .contains("duplicate key 'TopicName'");
        assertThat(JSON.readTree(run.out()).get("findings"))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.get("ruleId").asText()).isEqualTo("CFS001");
                            assertThat(f.get("file").asText())
                                    .isEqualTo("aws:cloudformation:us-east-1:dupes");
                            assertThat(f.get("startLine").asInt()).isEqualTo(7);
                        });
    }

    @Test
    void theSarifOfALiveScanIsValidAndNamesTheStack() throws Exception {
        CommandRun run = CommandRun.stackScan("orders", "sarif");

        assertThat(SarifSchema.violations(run.out())).isEmpty();
        assertThat(
                        JSON.readTree(run.out())
                                .at(
                                        "/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                                .asText())
                .isEqualTo(STACK_PATH);
    }

    @Test
    void anUnknownStackIsAConfigurationErrorOnOneLine() {
        CommandRun run = CommandRun.of("scan", "--aws-stack", "nope", "--aws-region", "us-east-1");

        assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "cfn-secrets: cannot read the template of stack 'nope': ValidationError:"
                                + " Stack with id nope does not exist"
                                + System.lineSeparator());
    }

    @Test
    void anUnreachableEndpointIsAConfigurationErrorWithoutATrace() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LocalAws.use(URI.create("http://127.0.0.1:" + closedPort));
        try {
            CommandRun run =
                    CommandRun.of("scan", "--aws-stack", "orders", "--aws-region", "us-east-1");

            assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
            assertThat(run.err())
                    .startsWith("cfn-secrets: cannot read the template of stack 'orders': ")
                    .contains("Connection refused")
                    .doesNotContain("\tat ", "testing");
            assertThat(run.err().lines()).hasSize(1);
        } finally {
            LocalAws.use(MOTO.server().endpoint());
        }
    }

    @Test
    void liveOptionsAreCheckedBeforeAnyCall() {
        CommandRun regionAlone = CommandRun.of("scan", "--aws-region", "us-east-1", "fixtures");
        CommandRun withPaths = CommandRun.of("scan", "--aws-stack", "orders", "fixtures");

        assertThat(regionAlone.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(regionAlone.err())
                .contains("--aws-region and --aws-profile go with --aws-stack or --aws-account");
        assertThat(withPaths.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(withPaths.err())
                .contains("PATH arguments and --aws-stack/--aws-account cannot be combined");
    }

    /** (rule, file, start line, logical id) of each finding of a JSON report. */
    private static List<Tuple> findings(String json) throws Exception {
        return columns(json, "ruleId", "file", "startLine", "logicalId");
    }

    /**
     * (rule, file, logical id: the principal's or policy's ARN) of each finding of a JSON report.
     */
    private static List<Tuple> principals(String json) throws Exception {
        return columns(json, "ruleId", "file", "logicalId");
    }

    /** The {@code fields} of each finding of a JSON report: numbers as ints, the rest as text. */
    private static List<Tuple> columns(String json, String... fields) throws Exception {
        List<Tuple> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json).get("findings")) {
            out.add(
                    tuple(
                            Arrays.stream(fields)
                                    .map(
                                            n ->
                                                    f.get(n).isInt()
                                                            ? f.get(n).asInt()
                                                            : f.get(n).asText())
                                    .toArray()));
        }
        return out;
    }
}
