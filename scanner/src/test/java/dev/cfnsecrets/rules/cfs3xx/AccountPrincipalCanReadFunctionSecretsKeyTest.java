package dev.cfnsecrets.rules.cfs3xx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.config.InTemplateSuppressions;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Live-mode CFS305 for a function whose {@code KmsKeyArn} is a key of its own stack ({@code !GetAtt
 * VaultKey.Arn} in the processed template): the key's ARN is built from its physical id, and its
 * key policy decides who is reported. (moto hands back the policy of a key made by CloudFormation
 * as an object, not a string, so this path is exercised here rather than against moto.)
 */
class AccountPrincipalCanReadFunctionSecretsKeyTest {
    private static final String ACCOUNT = "123456789012";
    private static final String IAM_PATH = "aws:iam:" + ACCOUNT;
    private static final String STACK_PATH = "aws:cloudformation:us-east-1:vault";
    private static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/";
    private static final String KEY_ARN =
            "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/0f9e8d7c-1111-2222-3333-444455556666";

    private static final String STACK =
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              VaultKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {Version: '2012-10-17', Statement: []}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/vault-exec
                  Code: {ZipFile: "def handler(event, context): pass"}
                  KmsKeyArn: !GetAtt VaultKey.Arn
                  Environment:
                    Variables:
                      GITHUB_TOKEN: %s
            """
                    .formatted("ghp_" + "Zq8XbT3kLm9Vw2Rt6Yp1Sd4Fg7Hj0Kc5Na2B");

    /** Users a (decrypts with the key through IAM) and b (reads the configuration only). */
    private static final String IAM =
            """
            {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
              "%1$sa": {"Type": "AWS::IAM::User", "Properties": {"UserName": "a", "Policies": [{"PolicyName": "p",
                "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "lambda:GetFunctionConfiguration", "Resource": "*"},
                  {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "%2$s"}]}}]}},
              "%1$sb": {"Type": "AWS::IAM::User", "Properties": {"UserName": "b", "Policies": [{"PolicyName": "p",
                "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "lambda:GetFunctionConfiguration", "Resource": "*"}]}}]}}}}
            """
                    .formatted(USER, KEY_ARN);

    private static final String DEFERRING_POLICY =
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}]}
            """;

    @Test
    void theStacksOwnKeyIsReadByItsPhysicalIdAndItsKeyPolicyDecides() {
        List<String> asked = new ArrayList<>();
        List<Finding> findings =
                scan(
                        arn -> {
                            asked.add(arn);
                            return AccountPrincipalCanReadFunctionSecrets.KeyPolicy.of(
                                    DEFERRING_POLICY);
                        });

        assertThat(asked).containsExactly(KEY_ARN);
        assertThat(findings)
                .extracting(Finding::ruleId, Finding::file, Finding::logicalId)
                .containsExactly(tuple("CFS305", IAM_PATH, USER + "a"));
        assertThat(findings.get(0).message())
                .contains("function vault/Fn (vault-Fn-1)")
                .contains(
                        "its key policy defers to IAM, and this principal's IAM policies allow kms:Decrypt on it.");
    }

    @Test
    void aKeyPolicyThatCannotBeReadLeavesEveryReaderReportedWithTheReason() {
        List<Finding> findings =
                scan(
                        arn ->
                                AccountPrincipalCanReadFunctionSecrets.KeyPolicy.unread(
                                        "kms:GetKeyPolicy failed: AccessDeniedException: not allowed"));

        assertThat(findings)
                .extracting(Finding::logicalId)
                .containsExactlyInAnyOrder(USER + "a", USER + "b");
        assertThat(findings)
                .allSatisfy(
                        f ->
                                assertThat(f.message())
                                        .contains(
                                                "whether this principal may decrypt"
                                                        + " with it was not checked: kms:GetKeyPolicy failed: AccessDeniedException: not allowed."));
    }

    /**
     * The CFS305 findings of the stack (Fn deployed as vault-Fn-1, VaultKey as KEY_ARN's key) and
     * the IAM above, each key policy read by {@code keyPolicies}.
     */
    private static List<Finding> scan(
            Function<String, AccountPrincipalCanReadFunctionSecrets.KeyPolicy> keyPolicies) {
        Map<String, String> physicalIds =
                Map.of("Fn", "vault-Fn-1", "VaultKey", KEY_ARN.substring(KEY_ARN.indexOf('/') + 1));
        AccountPrincipalCanReadFunctionSecrets check =
                new AccountPrincipalCanReadFunctionSecrets(
                        IAM_PATH,
                        Map.of(
                                STACK_PATH,
                                new AccountPrincipalCanReadFunctionSecrets.DeployedStack(
                                        "vault",
                                        "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:",
                                        () -> physicalIds)),
                        keyPolicies,
                        InTemplateSuppressions::ofResource);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(IAM_PATH, IAM);
        texts.put(STACK_PATH, STACK);
        return BuiltInRules.scanner(ScanOptions.DEFAULT.withRules(List.of("CFS305"), List.of()))
                .scanTexts(texts, List.of(check))
                .findings();
    }
}
