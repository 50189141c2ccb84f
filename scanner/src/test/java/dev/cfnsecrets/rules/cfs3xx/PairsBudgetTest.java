package dev.cfnsecrets.rules.cfs3xx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CFS305 examines at most {@link PrincipalCanReadFunctionSecrets#MAX_PAIRS} (principal, function)
 * pairs per template, and CFS001 says once which functions were left unchecked.
 */
class PairsBudgetTest {
    private static final int ROLES = 100;
    private static final int FUNCTIONS = PrincipalCanReadFunctionSecrets.MAX_PAIRS / ROLES + 1;

    /** Every role may read every function, each holding a token: one finding per pair. */
    private static String template() {
        StringBuilder t = new StringBuilder("Resources:\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            t.append(
                    "  Fn%d: {Type: AWS::Lambda::Function, Properties: {Role: 'arn:aws:iam::1:role/a',"
                                    .formatted(i)
                            + " Environment: {Variables: {DEPLOY_KEY:"
                            + " ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI}}}}\n");
        }
        for (int i = 0; i < ROLES; i++) {
            t.append(
                    "  Reader%d: {Type: AWS::IAM::Role, Properties: {Policies: [{PolicyName: read,"
                                    .formatted(i)
                            + " PolicyDocument: {Statement: [{Effect: Allow, Action:"
                            + " 'lambda:GetFunctionConfiguration', Resource: '*'}]}}]}}\n");
        }
        return t.toString();
    }

    @Test
    void findingsStopAtTheBudgetAndTheStopIsReportedOnce() {
        List<Finding> findings =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scan(new SourceFile("t.yaml", template()))
                        .findings();

        assertThat(findings).filteredOn(f -> f.ruleId().equals("CFS305")).hasSize(10_000);
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("CFS001"))
                .extracting(Finding::message)
                .containsExactly(
                        "t.yaml cannot be scanned fully: CFS305 stopped after 10000 (principal,"
                                + " function) pairs: the principals that may read function Fn100"
                                + " and the functions after it were not all checked. More"
                                + " principals may read those functions' secrets; the other rules"
                                + " scanned the whole file.");
    }
}
