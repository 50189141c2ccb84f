package dev.cfnsecrets.rules;

import java.util.Map;

/**
 * A rule that needs several documents of one scan at once, run after every document's own rules:
 * live mode asks which principal of the account's IAM can read which deployed function's secrets.
 * It reports through the context of the document each finding is located in, so its findings are
 * levelled, suppressed by the baseline and redacted like any rule's.
 */
public interface CrossDocumentRule {
    /** The rule it reports for: it runs only when the scan runs that rule. */
    String id();

    /**
     * Reports through {@code templates}: one fresh context per template document of the scan, by
     * path.
     */
    void check(Map<String, RuleContext> templates);
}
