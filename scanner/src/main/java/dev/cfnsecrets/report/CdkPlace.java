package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import java.util.Optional;

/**
 * Where a finding of a CDK app lies, for the formats a person reads ({@code text}, {@code github}):
 * its construct path, else (a finding on no construct, such as CFS001 on the template) the stack
 * whose template it is in. A template in {@code cdk.out} means little to a CDK user; the construct
 * path is how they find the code.
 *
 * @param label {@code construct} or {@code stack}
 * @param name the construct path or the stack's name, as read from the template or the assembly
 *     (unescaped)
 */
record CdkPlace(String label, String name) {
    static Optional<CdkPlace> of(Finding finding) {
        if (finding.cdkPath() != null) {
            return Optional.of(new CdkPlace("construct", finding.cdkPath()));
        }
        return Optional.ofNullable(finding.cdkStack()).map(stack -> new CdkPlace("stack", stack));
    }
}
