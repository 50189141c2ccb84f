/**
 * CFS0xx: files the scanner could not scan, or not fully. {@link Cfs0xxRules#rules()} lists them.
 *
 * <ul>
 *   <li>CFS001 template-unreadable: {@link TemplateUnreadable} (a file that cannot be read or
 *       parsed, or breaks an input limit) and {@link EvaluationStops} (values the evaluator could
 *       not finish).
 * </ul>
 */
package dev.cfnsecrets.rules.cfs0xx;
