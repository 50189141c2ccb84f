package dev.cfnsecrets.rules.cfs3xx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.MarkedTemplate;
import dev.cfnsecrets.finding.Finding;
import org.junit.jupiter.api.Test;

/**
 * CFS305 pairs a reader with only the functions it may read ({@link ReadersByFunction}): a reader
 * whose resources name functions by logical id is paired with those, any other reader with every
 * function, and the findings are those of the full pairing.
 */
class ReadersByFunctionTest {
    private static final String TEMPLATE =
            """
            Resources:
              Fn1:  # expect: CFS110
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/app
                  Environment:
                    Variables:
                      DEPLOY_KEY: ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI  # expect: CFS101
              Fn2:  # expect: CFS110
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/app
                  Environment:
                    Variables:
                      DEPLOY_KEY: ghp_R8mK2xQ7vN4pL9wT3zY6bJ1cF5hD0sA2gE7u  # expect: CFS101
              OwnArnReader:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: lambda:GetFunctionConfiguration  # expect: CFS305
                            Resource: !GetAtt Fn1.Arn
              BuiltArnReader:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: lambda:GetFunctionConfiguration  # expect: CFS305
                            Resource: !Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn2}"
              EveryFunctionReader:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: lambda:GetFunctionConfiguration  # expect: CFS301, CFS305, CFS305
                            Resource: "*"
            """;

    @Test
    void eachReaderIsPairedWithTheFunctionsItsResourcesReach() {
        assertThat(MarkedTemplate.scan(TEMPLATE).findings())
                .filteredOn(f -> f.ruleId().equals("CFS305"))
                .extracting(ReadersByFunctionTest::pair)
                .containsExactlyInAnyOrder(
                        "Role OwnArnReader can read the configuration of function Fn1",
                        "Role BuiltArnReader can read the configuration of function Fn2",
                        "Role EveryFunctionReader can read the configuration of function Fn1",
                        "Role EveryFunctionReader can read the configuration of function Fn2");
    }

    private static String pair(Finding finding) {
        return finding.message().substring(0, finding.message().indexOf(", whose environment"));
    }
}
