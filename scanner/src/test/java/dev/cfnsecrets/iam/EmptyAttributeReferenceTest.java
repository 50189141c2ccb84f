package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.MarkedTemplate;
import org.junit.jupiter.api.Test;

/**
 * {@code !GetAtt "."} (or {@code !GetAtt ["", ""]}) names no resource: where a policy or a
 * function's role is looked up by the logical id before the dot, it is an unknown value like any
 * other, not an internal error (the fuzzing of {@code RobustnessTest} found both).
 */
class EmptyAttributeReferenceTest {
    @Test
    void aManagedPolicyArnOfAnEmptyAttributeNamesNoPolicy() {
        assertThat(
                        MarkedTemplate.scan(
                                        """
                                        Resources:
                                          Reader:
                                            Type: AWS::IAM::Role
                                            Properties:
                                              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
                                              ManagedPolicyArns: [!GetAtt "."]
                                        """)
                                .findings())
                .isEmpty();
    }

    /** The role is looked up to leave out the function's own role from who can read it. */
    @Test
    void aFunctionRoleOfAnEmptyAttributeNamesNoRole() {
        assertThat(
                        MarkedTemplate.scan(
                                        """
                                        Resources:
                                          Fn:  # expect: CFS110
                                            Type: AWS::Lambda::Function
                                            Properties:
                                              Role: !GetAtt ["", ""]
                                              Environment:
                                                Variables:
                                                  DEPLOY_KEY: ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI  # expect: CFS101
                                          Reader:
                                            Type: AWS::IAM::Role
                                            Properties:
                                              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
                                              Policies:
                                                - PolicyName: read
                                                  PolicyDocument:
                                                    Statement:
                                                      - Effect: Allow
                                                        Action: lambda:GetFunctionConfiguration  # expect: CFS305
                                                        Resource: !GetAtt Fn.Arn
                                        """)
                                .findings())
                .extracting(f -> f.ruleId())
                .containsExactlyInAnyOrder("CFS101", "CFS110", "CFS305");
    }
}
