package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ManagedPoliciesTest {
    private final ManagedPolicies facts = ManagedPolicies.bundled();

    private static List<PolicyString> arns(String valueYaml) {
        PolicyInventory inventory =
                Inventories.role("- Effect: Allow\n  Action: '*'\n  Resource: " + valueYaml + "\n");
        return Inventories.only(inventory).statements().get(0).resources();
    }

    private Optional<String> byArn(String valueYaml) {
        return facts.byArn(arns(valueYaml).get(0)).map(ManagedPolicies.Entry::name);
    }

    @Test
    void matchesArnsInEveryPartition() {
        assertThat(byArn("arn:aws:iam::aws:policy/ReadOnlyAccess")).contains("ReadOnlyAccess");
        assertThat(byArn("arn:aws-cn:iam::aws:policy/AdministratorAccess"))
                .contains("AdministratorAccess");
        assertThat(byArn("arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess"))
                .contains("ViewOnlyAccess");
        assertThat(byArn("!Sub 'arn:${AWS::Partition}:iam::aws:policy/SecurityAudit'"))
                .contains("SecurityAudit");
        assertThat(
                        byArn(
                                "!Join ['', ['arn:', !Ref AWS::Partition, ':iam::aws:policy/PowerUserAccess']]"))
                .contains("PowerUserAccess");
    }

    @Test
    void pathAndAccountMatter() {
        assertThat(byArn("arn:aws:iam::aws:policy/ViewOnlyAccess"))
                .as("its path is job-function/")
                .isEmpty();
        assertThat(byArn("arn:aws:iam::111122223333:policy/ReadOnlyAccess"))
                .as("a customer policy")
                .isEmpty();
        assertThat(byArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                .isEmpty();
    }

    @Test
    void realDocumentsReplaceTheBundledExcerptsAndAddPoliciesTheBundleLacks() {
        ManagedPolicies real =
                ManagedPolicies.read(
                        new SourceFile(
                                "account",
                                """
                {"policies": [
                  {"name": "ReadOnlyAccess", "path": "", "version": "v999",
                   "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]},
                  {"name": "AWSLambdaBasicExecutionRole", "path": "service-role/", "version": "v3",
                   "Statement": {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"}}
                ]}
                """));
        ManagedPolicies merged = facts.overriddenBy(real);

        assertThat(merged.byArn(arns("arn:aws:iam::aws:policy/ReadOnlyAccess").get(0)))
                .map(ManagedPolicies.Entry::version)
                .contains("v999");
        assertThat(
                        merged.byArn(
                                arns("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
                                        .get(0)))
                .map(e -> e.statements().size())
                .contains(1);
        assertThat(merged.byArn(arns("arn:aws:iam::aws:policy/AdministratorAccess").get(0)))
                .as("kept from the bundle")
                .isPresent();
        assertThat(merged.entries()).hasSize(facts.entries().size() + 1);
    }

    @Test
    void bareNamesAsSamWritesThem() {
        assertThat(facts.byArnOrName(PolicyString.literal("SupportUser", null)))
                .map(ManagedPolicies.Entry::arn)
                .contains("arn:aws:iam::aws:policy/job-function/SupportUser");
        assertThat(facts.byArnOrName(PolicyString.literal("AWSLambdaBasicExecutionRole", null)))
                .isEmpty();
    }

    @Test
    void everyListedPolicyButTheNarrowedOneGrantsAConcern() {
        for (ManagedPolicies.Entry entry : facts.entries()) {
            List<Statement> statements = entry.statements();
            boolean grants =
                    statements.stream()
                            .anyMatch(
                                    s ->
                                            Exposure.configReadsOnAllFunctions(
                                                                    s, List.of(statements))
                                                            .isPresent()
                                                    || Exposure.decryptOnAllKeys(
                                                                    s, List.of(statements))
                                                            .isPresent());
            assertThat(grants)
                    .as(entry.name())
                    .isEqualTo(!entry.name().equals("AmazonSecurityLakePermissionsBoundary"));
        }
    }

    @Test
    void readOnlyAccessReadsConfigurationButCannotDecrypt() {
        ManagedPolicies.Entry readOnly =
                facts.byArnOrName(PolicyString.literal("ReadOnlyAccess", null)).orElseThrow();
        Statement s = readOnly.statements().get(0);
        assertThat(Exposure.configReadsOnAllFunctions(s, List.of(readOnly.statements())))
                .isPresent();
        assertThat(Exposure.decryptOnAllKeys(s, List.of(readOnly.statements())))
                .as("kms:Get* is not Decrypt")
                .isEmpty();
    }

    /**
     * The actions an entry grants on all functions (CFS301) and all keys (CFS302), through the
     * engine.
     */
    private Set<String> grantedOnAll(String name) {
        ManagedPolicies.Entry entry =
                facts.byArnOrName(PolicyString.literal(name, null)).orElseThrow();
        List<List<Statement>> sets = List.of(entry.statements());
        Set<String> actions = new TreeSet<>();
        for (Statement s : entry.statements()) {
            Exposure.configReadsOnAllFunctions(s, sets)
                    .ifPresent(g -> g.actions().forEach(a -> actions.add(a.action())));
            Exposure.decryptOnAllKeys(s, sets)
                    .ifPresent(g -> g.actions().forEach(a -> actions.add(a.action())));
        }
        return actions;
    }

    @Test
    void policiesFromTheDatasetGrantWhatTheirStatementsSay() {
        assertThat(grantedOnAll("AmazonDynamoDBFullAccess"))
                .containsExactly("lambda:GetFunctionConfiguration", "lambda:ListFunctions");
        assertThat(grantedOnAll("AmazonDynamoDBReadOnlyAccess"))
                .containsExactly("lambda:GetFunctionConfiguration", "lambda:ListFunctions");
        assertThat(grantedOnAll("AmazonDynamoDBFullAccess_v2"))
                .containsExactly("lambda:ListFunctions");
        assertThat(grantedOnAll("AdministratorAccess-Amplify"))
                .containsExactly("lambda:GetFunction", "lambda:GetFunctionConfiguration");
        assertThat(grantedOnAll("DataScientist"))
                .as("lambda:Get*, lambda:List*")
                .containsExactly(
                        "lambda:GetFunction",
                        "lambda:GetFunctionConfiguration",
                        "lambda:ListFunctions",
                        "lambda:ListVersionsByFunction");
        for (String name :
                List.of(
                        "AIOpsAssistantPolicy",
                        "AWS_ConfigRole",
                        "WellArchitectedAgentResourceScanning")) {
            assertThat(grantedOnAll(name))
                    .as(name)
                    .containsExactly(
                            "lambda:GetFunction",
                            "lambda:GetFunctionConfiguration",
                            "lambda:ListFunctions",
                            "lambda:ListVersionsByFunction");
        }
    }

    @Test
    void systemAdministratorReEncryptsFromEveryKey() {
        assertThat(grantedOnAll("SystemAdministrator"))
                .as("kms:ReEncrypt* covers ReEncryptFrom, not Decrypt")
                .contains("kms:ReEncryptFrom", "lambda:GetFunctionConfiguration")
                .doesNotContain("kms:Decrypt");
    }

    @Test
    void datasetPathsMakeTheArns() {
        assertThat(byArn("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"))
                .contains("AWS_ConfigRole");
        assertThat(byArn("!Sub 'arn:${AWS::Partition}:iam::aws:policy/job-function/DataScientist'"))
                .contains("DataScientist");
        assertThat(byArn("arn:aws:iam::aws:policy/SystemAdministrator"))
                .as("its path is job-function/")
                .isEmpty();
        assertThat(byArn("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"))
                .contains("AmazonDynamoDBFullAccess");
    }
}
