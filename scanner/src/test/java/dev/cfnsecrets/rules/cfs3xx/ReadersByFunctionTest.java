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
            "Resources:\n"
                    + function("Fn1", "ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI")
                    + function("Fn2", "ghp_R8mK2xQ7vN4pL9wT3zY6bJ1cF5hD0sA2gE7u")
                    + reader("OwnArnReader", "!GetAtt Fn1.Arn", "CFS305")
                    + reader(
                            "BuiltArnReader",
                            "!Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}"
                                    + ":function:${Fn2}'",
                            "CFS305")
                    + reader("EveryFunctionReader", "'*'", "CFS301, CFS305, CFS305");

    /** A function holding a GitHub token, on one line (so its marks are on that line). */
    private static String function(String name, String token) {
        return "  %s: {Type: AWS::Lambda::Function, Properties: {Role: 'arn:aws:iam::1:role/a', "
                        .formatted(name)
                + "Environment: {Variables: {DEPLOY_KEY: %s}}}}  # expect: CFS110, CFS101\n"
                        .formatted(token);
    }

    /** A role an account may assume, reading the configuration of {@code resource}. */
    private static String reader(String name, String resource, String expected) {
        return ("  %s:\n    Type: AWS::IAM::Role\n    Properties:\n"
                        + "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: "
                        + "{AWS: 'arn:aws:iam::111122223333:root'}, Action: 'sts:AssumeRole'}]}\n"
                        + "      Policies: [{PolicyName: read, PolicyDocument: {Statement: [{Effect:"
                        + " Allow, Action: 'lambda:GetFunctionConfiguration', Resource: %s}]}}]"
                        + "  # expect: %s\n")
                .formatted(name, resource, expected);
    }

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

    @Test
    void aReadersStatementsAreTriedInOrderAmongThoseThatMayNameTheFunction() {
        // Statement 1 names Fn2, statement 2 every function, statement 3 Fn1: Fn1 is read through
        // statement 2 (the first that may reach it), Fn2 through statement 1.
        String template =
                "Resources:\n"
                        + function("Fn1", "ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI")
                        + function("Fn2", "ghp_R8mK2xQ7vN4pL9wT3zY6bJ1cF5hD0sA2gE7u")
                        + "  Reader:\n    Type: AWS::IAM::Role\n    Properties:\n"
                        + "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal:"
                        + " {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'sts:AssumeRole'}]}\n"
                        + "      Policies:\n        - PolicyName: read\n          PolicyDocument:\n"
                        + "            Statement:\n"
                        + "              - {Effect: Allow, Action: 'lambda:GetFunctionConfiguration',"
                        + " Resource: !GetAtt Fn2.Arn}  # expect: CFS305\n"
                        + "              - {Effect: Allow, Action: 'lambda:GetFunctionConfiguration',"
                        + " Resource: '*'}  # expect: CFS301, CFS305\n"
                        + "              - {Effect: Allow, Action: 'lambda:GetFunctionConfiguration',"
                        + " Resource: !GetAtt Fn1.Arn}\n";

        assertThat(MarkedTemplate.scan(template).findings())
                .filteredOn(f -> f.ruleId().equals("CFS305"))
                .extracting(ReadersByFunctionTest::pair)
                .containsExactlyInAnyOrder(
                        "Role Reader can read the configuration of function Fn1",
                        "Role Reader can read the configuration of function Fn2");
    }

    private static String pair(Finding finding) {
        return finding.message().substring(0, finding.message().indexOf(", whose environment"));
    }
}
