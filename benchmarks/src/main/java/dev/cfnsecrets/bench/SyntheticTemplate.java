package dev.cfnsecrets.bench;

/**
 * A SAM template of a given size that exercises every stage a real one does: Parameters, a Mapping,
 * SAM Globals, intrinsic functions in environment values, an execution role with an inline policy,
 * and one planted credential per function (so the rules do their full work, not an early exit). The
 * credential is assembled at run time and never written to the repository. Generated names are
 * zero-padded ({@code Function00007}), so the text grows exactly with the number of functions.
 */
final class SyntheticTemplate {
    /** A GitHub-token-shaped value; its checksum is not real, the detector matches the shape. */
    static final String PLANTED_TOKEN = "ghp_" + "B3nchm4rkT0k3nN0tR34lAbCdEfGh9876543";

    private SyntheticTemplate() {}

    static String sam(int functions) {
        StringBuilder yaml = new StringBuilder(512 * functions + 1024);
        yaml.append(
                """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage:
                    Type: String
                    Default: prod
                  DbPassword:
                    Type: String
                    NoEcho: true
                Mappings:
                  Endpoints:
                    prod: {Url: "https://api.example.com/v1"}
                    dev: {Url: "https://dev.api.example.com/v1"}
                Globals:
                  Function:
                    Runtime: python3.12
                    Environment:
                      Variables:
                        LOG_LEVEL: info
                        STAGE: !Ref Stage
                Resources:
                """);
        for (int i = 0; i < functions; i++) {
            yaml.append(
                    """
                      Role%1$05d:
                        Type: AWS::IAM::Role
                        Properties:
                          AssumeRolePolicyDocument:
                            Statement:
                              - Effect: Allow
                                Principal: {Service: lambda.amazonaws.com}
                                Action: sts:AssumeRole
                          Policies:
                            - PolicyName: read-table
                              PolicyDocument:
                                Statement:
                                  - Effect: Allow
                                    Action: [dynamodb:GetItem, dynamodb:Query]
                                    Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-%1$05d"
                      Function%1$05d:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: app.handler
                          CodeUri: src/
                          Role: !GetAtt Role%1$05d.Arn
                          Environment:
                            Variables:
                              TABLE_NAME: !Sub "orders-%1$05d-${Stage}"
                              API_URL: !FindInMap [Endpoints, !Ref Stage, Url]
                              DB_PASSWORD: !Ref DbPassword
                              SECRET_ARN: !Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app-%1$05d"
                              GITHUB_TOKEN: %2$s
                    """
                            .formatted(i, PLANTED_TOKEN));
        }
        return yaml.toString();
    }
}
