package dev.cfnsecrets.report;

import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanResult;

/** How the annotations and the Markdown table name a finding's rule. */
final class RuleTitle {
    private RuleTitle() {}

    /**
     * The rule id and its name, {@code CFS101 credential-in-env}; the id alone for a rule missing
     * from the catalog.
     */
    static String of(Finding finding, ScanResult result) {
        return finding.ruleId()
                + result.catalog()
                        .find(finding.ruleId())
                        .map(RuleDescription::name)
                        .map(name -> " " + name)
                        .orElse("");
    }
}
