/**
 * The rule API: what a rule author learns. A {@link Rule} (usually a {@link TemplateRule} or {@link
 * ResourceRule}) reads one document through its {@link RuleContext} and reports findings there,
 * {@link Where} they are; a {@link CrossDocumentRule} reads several documents at once. Work several
 * rules need is made once per document ({@link Shared}, kept by the {@link DocumentScope}).
 *
 * <p>The rules themselves live in one package per family ({@code cfs0xx} … {@code cfs3xx}, {@code
 * custom}); neither this package nor {@code values} depends on them.
 */
package dev.cfnsecrets.rules;
