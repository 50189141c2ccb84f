package dev.cfnsecrets.rules.cfs3xx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.config.InTemplateSuppressions;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Live mode's CFS305 pairs the account's principals with every deployed function: it examines at
 * most {@link PrincipalCanReadFunctionSecrets#MAX_PAIRS} pairs across the whole account, as the
 * template rule does per template, and the stack where they ran out has one CFS001 naming the
 * function.
 */
class AccountPairsBudgetTest {
    private static final String ACCOUNT = "123456789012";
    private static final String IAM_PATH = "aws:iam:" + ACCOUNT;
    private static final int USERS = 100;

    /** 60 functions in stack a, 41 in stack b: 10,100 pairs with the users, 100 too many. */
    private static final Map<String, Integer> FUNCTIONS = Map.of("a", 60, "b", 41);

    /** Users that may each read every function's configuration. */
    private static String iam() {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            users.append(i == 0 ? "" : ",")
                    .append(
                            """
                            "arn:aws:iam::%s:user/u%d": {"Type": "AWS::IAM::User", "Properties": {
                              "UserName": "u%d", "Policies": [{"PolicyName": "p", "PolicyDocument": {
                                "Statement": [{"Effect": "Allow",
                                  "Action": "lambda:GetFunctionConfiguration", "Resource": "*"}]}}]}}
                            """
                                    .formatted(ACCOUNT, i, i));
        }
        return "{\"Resources\": {" + users + "}}";
    }

    /** {@code functions} functions, each with a GitHub token in its environment. */
    private static String stack(int functions) {
        StringBuilder t = new StringBuilder("Resources:\n");
        for (int i = 0; i < functions; i++) {
            t.append(
                    "  Fn%d: {Type: AWS::Lambda::Function, Properties: {Role: 'arn:aws:iam::%s:role/x',"
                                    .formatted(i, ACCOUNT)
                            + " Environment: {Variables: {GITHUB_TOKEN: ghp_"
                            + "Zq8XbT3kLm9Vw2Rt6Yp1Sd4Fg7Hj0Kc5Na2B}}}}\n");
        }
        return t.toString();
    }

    @Test
    void theBudgetSpansTheAccountAndTheStackWhereItRanOutSaysWhere() {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, AccountPrincipalCanReadFunctionSecrets.DeployedStack> stacks =
                new LinkedHashMap<>();
        texts.put(IAM_PATH, iam());
        for (String name : List.of("a", "b")) {
            String path = "aws:cloudformation:us-east-1:" + name;
            texts.put(path, stack(FUNCTIONS.get(name)));
            Map<String, String> physicalIds = new LinkedHashMap<>();
            for (int i = 0; i < FUNCTIONS.get(name); i++) {
                physicalIds.put("Fn" + i, name + "-Fn" + i);
            }
            stacks.put(
                    path,
                    new AccountPrincipalCanReadFunctionSecrets.DeployedStack(
                            name,
                            "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:",
                            () -> physicalIds));
        }
        AccountPrincipalCanReadFunctionSecrets check =
                new AccountPrincipalCanReadFunctionSecrets(
                        IAM_PATH,
                        stacks,
                        arn -> AccountPrincipalCanReadFunctionSecrets.KeyPolicy.unread("none"),
                        InTemplateSuppressions::ofResource);

        List<Finding> findings =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scanTexts(texts, List.of(check))
                        .findings();

        assertThat(findings).filteredOn(f -> f.ruleId().equals("CFS305")).hasSize(10_000);
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("CFS001"))
                .extracting(Finding::file, Finding::message)
                .containsExactly(
                        tuple(
                                "aws:cloudformation:us-east-1:b",
                                "aws:cloudformation:us-east-1:b cannot be scanned fully: CFS305"
                                        + " stopped after 10000 (principal, function) pairs: the"
                                        + " principals that may read function b/Fn40 (b-Fn40) and"
                                        + " the functions after it were not all checked. More"
                                        + " principals may read those functions' secrets; the"
                                        + " other rules scanned the whole file."));
    }
}
