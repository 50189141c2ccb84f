package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExposureTest {

    private static Optional<Exposure.Grant> configReads(String statements) {
        PolicyInventory inventory = Inventories.role(statements);
        Policy policy = Inventories.only(inventory);
        return Exposure.configReadsOnAllFunctions(
                policy.statements().get(0), inventory.statementSets(policy));
    }

    private static Optional<Exposure.Grant> decrypt(String statements) {
        PolicyInventory inventory = Inventories.role(statements);
        Policy policy = Inventories.only(inventory);
        return Exposure.decryptOnAllKeys(
                policy.statements().get(0), inventory.statementSets(policy));
    }

    private static List<String> actions(Optional<Exposure.Grant> grant) {
        return grant.map(g -> g.actions().stream().map(ActionGrant::action).toList())
                .orElse(List.of());
    }

    @Test
    void wildcardCoversTheConfigurationReads() {
        Optional<Exposure.Grant> grant =
                configReads("- {Effect: Allow, Action: 'lambda:Get*', Resource: '*'}");
        assertThat(actions(grant))
                .containsExactly("lambda:GetFunctionConfiguration", "lambda:GetFunction");
        assertThat(grant.get().describeActions()).contains("through lambda:Get*");
        assertThat(grant.get().resources()).isEqualTo("Resource \"*\"");
    }

    @Test
    void upperCaseAndQuestionMarkAreHonoured() {
        assertThat(
                        actions(
                                configReads(
                                        "- {Effect: Allow, Action: 'LAMBDA:GETFUNCTION', Resource: '*'}")))
                .containsExactly("lambda:GetFunction");
        assertThat(
                        actions(
                                configReads(
                                        "- {Effect: Allow, Action: 'lambda:ListFunction?', Resource: '*'}")))
                .containsExactly("lambda:ListFunctions");
    }

    @Test
    void notActionGrantsEverythingItDoesNotList() {
        Optional<Exposure.Grant> grant =
                configReads("- {Effect: Allow, NotAction: ['lambda:List*'], Resource: '*'}");
        assertThat(actions(grant))
                .containsExactly("lambda:GetFunctionConfiguration", "lambda:GetFunction");
        assertThat(grant.get().describeActions()).contains("not excluded by NotAction");
        assertThat(configReads("- {Effect: Allow, NotAction: 'lambda:*', Resource: '*'}"))
                .isEmpty();
    }

    @Test
    void notResourceGrantsEveryResourceItDoesNotList() {
        Optional<Exposure.Grant> grant =
                configReads(
                        "- {Effect: Allow, Action: 'lambda:GetFunction', NotResource: 'arn:aws:lambda:*:*:function:admin-*'}");
        assertThat(actions(grant)).containsExactly("lambda:GetFunction");
        assertThat(grant.get().resources()).startsWith("every resource except NotResource");
        assertThat(
                        configReads(
                                "- {Effect: Allow, Action: 'lambda:GetFunction', NotResource: 'arn:aws:lambda:*:*:function:*'}"))
                .isEmpty();
    }

    @Test
    void fnSubResourcesWithPseudoParametersCoverAllFunctionsOnlyWithAWildcardName() {
        assertThat(
                        actions(
                                configReads(
                                        """
                - Effect: Allow
                  Action: lambda:GetFunction
                  Resource: !Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*'
                """)))
                .containsExactly("lambda:GetFunction");
        assertThat(
                        configReads(
                                """
                - Effect: Allow
                  Action: lambda:GetFunction
                  Resource: !Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}'
                """))
                .isEmpty();
        assertThat(
                        configReads(
                                """
                - Effect: Allow
                  Action: lambda:GetFunction
                  Resource: !Sub 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:orders-*'
                """))
                .isEmpty();
    }

    @Test
    void listFunctionsNeedsResourceStar() {
        assertThat(
                        actions(
                                configReads(
                                        "- {Effect: Allow, Action: 'lambda:ListFunctions', Resource: '*'}")))
                .containsExactly("lambda:ListFunctions");
        assertThat(
                        configReads(
                                "- {Effect: Allow, Action: 'lambda:ListFunctions', Resource: 'arn:aws:lambda:*:*:function:*'}"))
                .isEmpty();
    }

    @Test
    void anExplicitDenyInTheSameSetTakesTheGrantBack() {
        assertThat(
                        configReads(
                                """
                - {Effect: Allow, Action: 'lambda:*', Resource: '*'}
                - {Effect: Deny, Action: ['lambda:GetFunction*', 'lambda:List*'], Resource: '*'}
                """))
                .isEmpty();
        assertThat(
                        actions(
                                configReads(
                                        """
                - {Effect: Allow, Action: 'lambda:Get*', Resource: '*'}
                - {Effect: Deny, Action: 'lambda:GetFunction', Resource: 'arn:aws:lambda:*:*:function:prod-*'}
                """)))
                .as("a Deny on some functions leaves the others")
                .contains("lambda:GetFunction");
        assertThat(
                        actions(
                                configReads(
                                        """
                - {Effect: Allow, Action: 'lambda:Get*', Resource: '*'}
                - {Effect: Deny, Action: 'lambda:Get*', Resource: '*', Condition: {Bool: {aws:MultiFactorAuthPresent: 'false'}}}
                """)))
                .as("a conditional Deny does not take everything back")
                .isNotEmpty();
    }

    @Test
    void decryptNarrowedByViaServiceOrEncryptionContext() {
        assertThat(decrypt("- {Effect: Allow, Action: 'kms:Decrypt', Resource: '*'}")).isPresent();
        assertThat(
                        decrypt(
                                """
                - Effect: Allow
                  Action: kms:Decrypt
                  Resource: '*'
                  Condition: {StringEquals: {kms:ViaService: lambda.us-east-1.amazonaws.com}}
                """))
                .isEmpty();
        assertThat(
                        decrypt(
                                """
                - Effect: Allow
                  Action: kms:Decrypt
                  Resource: '*'
                  Condition: {StringLike: {'kms:EncryptionContext:aws:lambda:FunctionArn': 'arn:aws:lambda:*'}}
                """))
                .isEmpty();
        assertThat(
                        decrypt(
                                """
                - Effect: Allow
                  Action: kms:Decrypt
                  Resource: '*'
                  Condition: {StringEquals: {kms:CallerAccount: '111122223333'}}
                """))
                .as("kms:CallerAccount alone does not narrow")
                .isPresent();
        assertThat(
                        decrypt(
                                """
                - Effect: Allow
                  Action: kms:Decrypt
                  Resource: '*'
                  Condition: {StringLike: {kms:ViaService: '*'}}
                """))
                .as("a bare wildcard value narrows nothing")
                .isPresent();
    }

    @Test
    void decryptScopedToOneKeyIsNotAllKeys() {
        assertThat(decrypt("- {Effect: Allow, Action: 'kms:*', Resource: !GetAtt Key.Arn}"))
                .isEmpty();
        assertThat(
                        decrypt(
                                "- {Effect: Allow, Action: 'kms:*', Resource: 'arn:aws:kms:us-east-1:111122223333:alias/*'}"))
                .isEmpty();
        assertThat(
                        decrypt(
                                "- {Effect: Allow, Action: 'kms:*', Resource: 'arn:aws:kms:us-east-1:111122223333:key/*'}"))
                .isPresent();
    }

    @Test
    void keyPolicyOpenToEveryoneUnlessTheCallerIsRestricted() {
        PolicyInventory inventory =
                Inventories.of(
                        """
                Resources:
                  K:
                    Type: AWS::KMS::Key
                    Properties:
                      KeyPolicy:
                        Statement:
                          - {Effect: Allow, Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}
                          - {Effect: Allow, Principal: '*', Action: 'kms:Decrypt', Resource: '*'}
                          - {Effect: Allow, Principal: {AWS: ['*']}, Action: 'kms:*', Resource: '*',
                             Condition: {StringEquals: {aws:PrincipalOrgID: o-123}}}
                          - {Effect: Allow, Principal: '*', Action: 'kms:GenerateDataKey*', Resource: '*'}
                """);
        List<Statement> statements = Inventories.only(inventory).statements();
        assertThat(Exposure.openKeyDecrypt(statements.get(0), statements))
                .as("the account root delegates to IAM")
                .isEmpty();
        assertThat(Exposure.openKeyDecrypt(statements.get(1), statements)).isPresent();
        assertThat(Exposure.openKeyDecrypt(statements.get(2), statements)).isEmpty();
        assertThat(Exposure.openKeyDecrypt(statements.get(3), statements)).isEmpty();
    }
}
