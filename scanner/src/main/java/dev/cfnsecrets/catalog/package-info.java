/**
 * The rule catalog: each rule's id, level and help ({@link RuleDescription}, read from {@code
 * rules/CFSnnn.md}) and the custom rules of a configuration ({@link CustomRuleDefinition}). The
 * reporters and the command line read it; it depends on no rule code.
 */
package dev.cfnsecrets.catalog;
