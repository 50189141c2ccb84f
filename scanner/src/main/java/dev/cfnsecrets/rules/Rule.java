package dev.cfnsecrets.rules;

/**
 * One catalog rule. A rule reads the document in its context (through the evaluator) and reports
 * findings; it never parses, prints or reads files. Its id, level and help live in the catalog
 * ({@code rules/ID.md}), not in code.
 */
public interface Rule {
    String id();

    void check(RuleContext context);
}
