/**
 * Custom rules: the ids and schemas a configuration defines ({@link
 * dev.cfnsecrets.catalog.CustomRuleDefinition}), each run by one {@link CustomRule}. {@link
 * CustomRules#rules(dev.cfnsecrets.catalog.Catalog)} lists them for a catalog.
 */
package dev.cfnsecrets.rules.custom;
