package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * CFS305 across an account (live mode, against moto) for functions encrypted with a customer
 * managed key: a principal that can read the configuration is reported only if it can also decrypt
 * with the key (docs/facts.md#environment-encryption-and-kms), judged on the key policy read with
 * {@code kms:GetKeyPolicy} — named in it directly, or through IAM when the key policy defers to the
 * account. Keys whose policy cannot be read (another account's, an alias) leave every reader
 * reported, with the reason.
 */
class LiveAccountKeyPoliciesTest {
    private static final String ACCOUNT = "123456789012";
    private static final String IAM_PATH = "aws:iam:" + ACCOUNT;
    private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":";
    private static final String EVERY_FUNCTION = "arn:aws:lambda:*:*:function:*";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final LocalMoto MOTO = new LocalMoto();

    /** Each function's name as findings show it: {@code vault/LogicalId (physical name)}. */
    private static final Map<String, String> shown = new LinkedHashMap<>();

    @BeforeAll
    static void deploy() throws Exception {
        MotoServer moto = MOTO.server();
        try (CloudFormationClient cfn = moto.cloudFormation();
                IamClient iam = moto.iam();
                KmsClient kms = moto.kms()) {
            // The default key policy: the account root may use the key, that is, IAM decides.
            String deferring =
                    kms.createKey(
                                    r ->
                                            r.policy(
                                                    keyPolicy(
                                                            "{\"AWS\":\"" + ARN + "root\"}",
                                                            "kms:*")))
                            .keyMetadata()
                            .arn();
            // No root statement: only user c, named in the key policy, may decrypt; IAM grants do
            // not count.
            String naming =
                    kms.createKey(
                                    r ->
                                            r.policy(
                                                    keyPolicy(
                                                            "{\"AWS\":\"" + ARN + "user/c\"}",
                                                            "kms:Decrypt")))
                            .keyMetadata()
                            .arn();
            MotoIam.role(iam, "shop-exec");
            cfn.createStack(
                    r -> r.stackName("vault").templateBody(vaultTemplate(deferring, naming)));
            for (String fn : List.of("DeferringFn", "NamingFn", "ForeignFn", "AliasFn")) {
                shown.put(
                        fn,
                        "vault/"
                                + fn
                                + " ("
                                + cfn.describeStackResource(
                                                r -> r.stackName("vault").logicalResourceId(fn))
                                        .stackResourceDetail()
                                        .physicalResourceId()
                                + ")");
            }
            String deferringFnArn =
                    "arn:aws:lambda:us-east-1:"
                            + ACCOUNT
                            + ":function:"
                            + shown.get("DeferringFn").replaceFirst(".*\\((.*)\\)", "$1");

            user(
                    iam,
                    "a",
                    statement("Allow", "lambda:GetFunctionConfiguration", EVERY_FUNCTION),
                    statement("Allow", "kms:Decrypt", deferring));
            user(iam, "b", statement("Allow", "lambda:GetFunctionConfiguration", EVERY_FUNCTION));
            user(iam, "c", statement("Allow", "lambda:GetFunctionConfiguration", EVERY_FUNCTION));
            user(
                    iam,
                    "d",
                    statement("Allow", "lambda:GetFunctionConfiguration", EVERY_FUNCTION),
                    statement("Allow", "kms:Decrypt", "*"));
            // Decrypt on every key, taken back for the deferring one.
            user(
                    iam,
                    "e",
                    statement("Allow", "lambda:GetFunctionConfiguration", deferringFnArn),
                    statement("Allow", "kms:Decrypt", "*"),
                    statement("Deny", "kms:Decrypt", deferring));
        }
    }

    private static String keyPolicy(String principal, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + principal
                + ",\"Action\":\""
                + action
                + "\",\"Resource\":\"*\"}]}";
    }

    private static String statement(String effect, String action, String resource) {
        return "{\"Effect\":\""
                + effect
                + "\",\"Action\":\""
                + action
                + "\",\"Resource\":\""
                + resource
                + "\"}";
    }

    private static void user(IamClient iam, String name, String... statements) {
        MotoIam.user(
                iam,
                name,
                "access",
                "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + String.join(",", statements)
                        + "]}");
    }

    /** Four functions holding a GitHub token, each encrypted with a different key. */
    private static String vaultTemplate(String deferring, String naming) {
        return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
                + function("DeferringFn", deferring)
                + function("NamingFn", naming)
                + function(
                        "ForeignFn",
                        "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                + function("AliasFn", "arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/vault");
    }

    private static String function(String logicalId, String keyArn) {
        return LiveAccountReadsTest.function(
                logicalId, "KmsKeyArn: " + keyArn, "GITHUB_TOKEN: " + LiveModeTest.githubToken());
    }

    @Test
    void onlyReadersThatCanAlsoDecryptWithTheFunctionsKeyAreReported() throws Exception {
        CommandRun run = CommandRun.accountScan("us-east-1", "json", "CFS305");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
        List<Tuple> expected =
                new ArrayList<>(
                        List.of(
                                tuple(ARN + "user/a", shown.get("DeferringFn")),
                                tuple(ARN + "user/d", shown.get("DeferringFn")),
                                tuple(ARN + "user/c", shown.get("NamingFn"))));
        for (String user : List.of("a", "b", "c", "d")) {
            expected.add(tuple(ARN + "user/" + user, shown.get("ForeignFn")));
            expected.add(tuple(ARN + "user/" + user, shown.get("AliasFn")));
        }
        assertThat(findings(run.out())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.out()).doesNotContain(LiveModeTest.githubToken());
    }

    @Test
    void theMessageSaysHowThePrincipalDecryptsOrWhyTheKeyWasNotChecked() throws Exception {
        CommandRun run = CommandRun.accountScan("us-east-1", "json", "CFS305");

        Map<String, String> messages = new LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(run.out()).get("findings")) {
            String message = f.get("message").asText();
            messages.put(
                    f.get("logicalId").asText() + " " + LiveAccountReadsTest.functionRead(message),
                    message);
        }
        String encrypted = "; the function's environment is encrypted with its KmsKeyArn key";
        assertThat(messages.get(ARN + "user/a " + shown.get("DeferringFn")))
                .contains(
                        encrypted
                                + ", which this principal may decrypt with: its key policy defers to IAM, and this principal's IAM"
                                + " policies allow kms:Decrypt on it.");
        assertThat(messages.get(ARN + "user/c " + shown.get("NamingFn")))
                .contains(
                        encrypted
                                + ", which this principal may decrypt with: its key policy names this principal.");
        assertThat(messages.get(ARN + "user/b " + shown.get("ForeignFn")))
                .contains(
                        encrypted
                                + ", and whether this principal may decrypt with it was not checked: the key belongs to account"
                                + " 210987654321, and KMS does not give a key policy to another account.");
        assertThat(messages.get(ARN + "user/b " + shown.get("AliasFn")))
                .contains(
                        encrypted
                                + ", and whether this principal may decrypt with it was not checked: it names the alias alias/vault,"
                                + " which was not resolved to its key.");
        assertThat(messages.values()).noneMatch(m -> m.contains("GetKeyPolicy failed"));
    }

    /** (principal, function as the message names it) of each CFS305 finding in the IAM document. */
    private static List<Tuple> findings(String json) throws Exception {
        List<Tuple> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json).get("findings")) {
            assertThat(f.get("ruleId").asText()).isEqualTo("CFS305");
            assertThat(f.get("file").asText()).isEqualTo(IAM_PATH);
            out.add(
                    tuple(
                            f.get("logicalId").asText(),
                            LiveAccountReadsTest.functionRead(f.get("message").asText())));
        }
        return out;
    }
}
