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
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * CFS305 across an account (live mode, against moto): which principal of the account's IAM can read
 * the configuration of a deployed function whose environment holds a secret, matched on the
 * function's real ARN (its physical name comes from CloudFormation, not from the template).
 */
class LiveAccountReadsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String IAM_PATH = "aws:iam:" + ACCOUNT;
    private static final String STACK_PATH = "aws:cloudformation:us-east-1:shop";
    private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final LocalMoto MOTO = new LocalMoto();

    /** The physical names CloudFormation gave the functions. */
    private static String secretFunction;

    private static String cleanFunction;
    private static String keyFunction;

    @BeforeAll
    static void deploy() throws Exception {
        MotoServer moto = MOTO.server();
        try (CloudFormationClient cfn = moto.cloudFormation();
                IamClient iam = moto.iam()) {
            // The functions' execution role, made outside the stack: it reads every function's
            // configuration.
            MotoIam.role(
                    iam,
                    "shop-exec",
                    "self",
                    MotoIam.allow("lambda:GetFunctionConfiguration", "*"));
            cfn.createStack(r -> r.stackName("shop").templateBody(shopTemplate()));
            secretFunction =
                    cfn.describeStackResource(
                                    r -> r.stackName("shop").logicalResourceId("SecretFn"))
                            .stackResourceDetail()
                            .physicalResourceId();
            cleanFunction =
                    cfn.describeStackResource(r -> r.stackName("shop").logicalResourceId("CleanFn"))
                            .stackResourceDetail()
                            .physicalResourceId();
            keyFunction =
                    cfn.describeStackResource(r -> r.stackName("shop").logicalResourceId("KeyFn"))
                            .stackResourceDetail()
                            .physicalResourceId();
            String secretArn =
                    "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + secretFunction;

            MotoIam.user(
                    iam,
                    "dev",
                    "debug",
                    MotoIam.allow("lambda:GetFunctionConfiguration", secretArn));
            MotoIam.role(
                    iam,
                    "other-reader",
                    "others",
                    MotoIam.allow(
                            "lambda:GetFunctionConfiguration",
                            "arn:aws:lambda:*:*:function:other-*"));
            iam.createGroup(r -> r.groupName("auditors"));
            iam.putGroupPolicy(
                    r ->
                            r.groupName("auditors")
                                    .policyName("list")
                                    .policyDocument(MotoIam.allow("lambda:ListFunctions", "*")));
            // The same read as dev's, taken back by a Deny in another policy of the same user.
            MotoIam.user(
                    iam,
                    "contractor",
                    "debug",
                    MotoIam.allow("lambda:GetFunctionConfiguration", secretArn));
            String deny =
                    iam.createPolicy(
                                    r ->
                                            r.policyName("no-config-reads")
                                                    .policyDocument(
                                                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                                                                    + "\"Action\":\"lambda:GetFunctionConfiguration\","
                                                                    + "\"Resource\":\"arn:aws:lambda:*:*:function:*\"}]}"))
                            .policy()
                            .arn();
            iam.attachUserPolicy(r -> r.userName("contractor").policyArn(deny));
        }
    }

    /**
     * SecretFn holds a GitHub token (made at run time); CleanFn holds nothing secret; KeyFn holds
     * the token encrypted with a customer managed key that does not exist (its key policy cannot be
     * read, so the key is not checked); the stack's own role ShopOps reads SecretFn (the stack's
     * CFS305 reports it, the account's does not again). Names are generated.
     */
    private static String shopTemplate() {
        String token = LiveModeTest.githubToken();
        return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
                + function("SecretFn", "", "GITHUB_TOKEN: " + token)
                + function("CleanFn", "", "LOG_LEVEL: debug")
                + function(
                        "KeyFn",
                        "KmsKeyArn: arn:aws:kms:us-east-1:"
                                + ACCOUNT
                                + ":key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        "GITHUB_TOKEN: " + token)
                + """
                  ShopOps:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
                  OpsPolicy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Roles: [!Ref ShopOps]
                      PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action: lambda:GetFunctionConfiguration
                            Resource: !GetAtt SecretFn.Arn
                """;
    }

    /**
     * A function run by shop-exec (a role outside the stack), with one more property line (or none)
     * and one variable.
     */
    static String function(String logicalId, String property, String variable) {
        return "  "
                + logicalId
                + ":\n"
                + """
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Role: arn:aws:iam::%s:role/shop-exec
                      Code: {ZipFile: "def handler(event, context): pass"}
                """
                        .formatted(ACCOUNT)
                + (property.isEmpty() ? "" : "      " + property + "\n")
                + "      Environment:\n        Variables:\n          "
                + variable
                + "\n";
    }

    @Test
    void eachPrincipalThatCanReadTheSecretFunctionsConfigurationIsReportedInTheIamDocument()
            throws Exception {
        CommandRun run = CommandRun.accountScan("us-east-1", "json", "CFS305");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
        String shown = "shop/SecretFn (" + secretFunction + ")";
        assertThat(findings(run.out()))
                .containsExactlyInAnyOrder(
                        tuple("CFS305", IAM_PATH, ARN + "user/dev", shown),
                        tuple("CFS305", IAM_PATH, ARN + "group/auditors", shown),
                        tuple(
                                "CFS305",
                                IAM_PATH,
                                ARN + "group/auditors",
                                "shop/KeyFn (" + keyFunction + ")"),
                        tuple("CFS305", STACK_PATH, "OpsPolicy", "SecretFn"));
        assertThat(run.out())
                .doesNotContain(LiveModeTest.githubToken())
                .doesNotContain(cleanFunction);
    }

    @Test
    void aFunctionWhoseKeyPolicyCannotBeReadIsReportedWithoutCheckingTheKeyAndSaysWhy()
            throws Exception {
        CommandRun run = CommandRun.accountScan("us-east-1", "json", "CFS305");

        List<String> messages = new ArrayList<>();
        JSON.readTree(run.out())
                .get("findings")
                .forEach(f -> messages.add(f.get("message").asText()));
        assertThat(messages)
                .filteredOn(m -> m.contains("shop/KeyFn"))
                .singleElement()
                .asString()
                .contains(
                        "the function's environment is encrypted with its KmsKeyArn key, and whether this principal may"
                                + " decrypt with it was not checked: kms:GetKeyPolicy failed: NotFoundException: Key 'arn:aws:kms:"
                                + "us-east-1:"
                                + ACCOUNT
                                + ":key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist.");
        assertThat(messages)
                .filteredOn(m -> !m.contains("shop/KeyFn"))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m).doesNotContain("KmsKeyArn"));
    }

    @Test
    void aFindingNamesTheGrantAndPointsAtTheVariableInTheStacksTemplate() throws Exception {
        CommandRun run = CommandRun.accountScan("us-east-1", "json", "CFS305");

        JsonNode dev = null;
        for (JsonNode f : JSON.readTree(run.out()).get("findings")) {
            if (f.get("logicalId").asText().equals(ARN + "user/dev")) {
                dev = f;
            }
        }
        assertThat(dev).as(run.out()).isNotNull();
        assertThat(dev.get("message").asText())
                .isEqualTo(
                        "User "
                                + ARN
                                + "user/dev can read the configuration of"
                                + " function shop/SecretFn ("
                                + secretFunction
                                + "), whose environment holds a secret (GITHUB_TOKEN:"
                                + " a GitHub token written in the template), through the inline policy 'debug' of "
                                + ARN
                                + "user/dev: lambda:GetFunctionConfiguration on Resource \"arn:aws:lambda:us-east-1:"
                                + ACCOUNT
                                + ":function:"
                                + secretFunction
                                + "\". Keep the secret out of the environment (pass its name and"
                                + " fetch it at runtime), or remove this read from "
                                + ARN
                                + "user/dev.");
        assertThat(dev.get("related"))
                .extracting(r -> r.get("file").asText(), r -> r.get("startLine").asInt())
                .containsExactly(
                        tuple(IAM_PATH, dev.get("startLine").asInt() - 2), tuple(STACK_PATH, 12));
    }

    @Test
    void theSarifNamesTheStackTemplateAsARelatedArtifact() throws Exception {
        CommandRun run = CommandRun.accountScan("us-east-1", "sarif", "CFS305");

        assertThat(SarifSchema.violations(run.out())).isEmpty();
        List<JsonNode> inIam = new ArrayList<>();
        JSON.readTree(run.out())
                .at("/runs/0/results")
                .forEach(
                        r -> {
                            if (r.at("/locations/0/physicalLocation/artifactLocation/uri")
                                    .asText()
                                    .equals(IAM_PATH)) {
                                inIam.add(r);
                            }
                        });
        assertThat(inIam)
                .hasSize(3)
                .allSatisfy(
                        result ->
                                assertThat(result.get("relatedLocations"))
                                        .extracting(
                                                r ->
                                                        r.at(
                                                                        "/physicalLocation/artifactLocation/uri")
                                                                .asText())
                                        .containsExactly(IAM_PATH, STACK_PATH));
    }

    /**
     * (rule, file, principal, function as the message names it) of each finding of a JSON report.
     */
    private static List<Tuple> findings(String json) throws Exception {
        List<Tuple> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json).get("findings")) {
            out.add(
                    tuple(
                            f.get("ruleId").asText(),
                            f.get("file").asText(),
                            f.get("logicalId").asText(),
                            functionRead(f.get("message").asText())));
        }
        return out;
    }

    /**
     * The function a CFS305 message says its principal can read, as it names it: {@code
     * stack/LogicalId (physical name)}; another message whole.
     */
    static String functionRead(String message) {
        return message.replaceFirst(
                "(?s).* can read the configuration of function (.*?), whose .*", "$1");
    }
}
