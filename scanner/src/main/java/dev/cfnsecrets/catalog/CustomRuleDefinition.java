package dev.cfnsecrets.catalog;

import com.networknt.schema.Schema;
import dev.cfnsecrets.finding.Level;
import java.util.List;
import java.util.Optional;

/**
 * One custom rule as the user wrote it (README.md#custom-rules, {@code
 * rules/custom-rule.schema.json}), already validated: the property at {@code path} of every
 * resource whose type matches must (or must not) satisfy {@code schema}.
 *
 * @param resourceTypes exact types, or prefixes ending in {@code *} such as {@code
 *     AWS::Serverless::*}
 * @param path the property under the resource, split at '/', e.g. [Properties, KmsKeyArn]; a {@code
 *     *} step matches every item of a list or value of a map
 * @param schemaText the schema as compact JSON, for the rule's help
 * @param definedIn the custom-rules file, as the configuration names it
 */
public record CustomRuleDefinition(
        String id,
        Level level,
        String name,
        String summary,
        String message,
        Optional<String> help,
        double securitySeverity,
        Precision precision,
        List<String> resourceTypes,
        List<String> path,
        Expectation expectation,
        Schema schema,
        String schemaText,
        boolean reportWhenMissing,
        String definedIn) {

    /** The step of {@link #path} that matches every item of a list or value of a map. */
    public static final String ANY = "*";

    /** Whether the value must satisfy the schema ({@code must}) or must not ({@code must-not}). */
    public enum Expectation {
        MUST("must"),
        MUST_NOT("must-not");

        private final String key;

        Expectation(String key) {
            this.key = key;
        }

        /** The key of the rules file that holds the schema. */
        public String key() {
            return key;
        }
    }

    public CustomRuleDefinition {
        resourceTypes = List.copyOf(resourceTypes);
        path = List.copyOf(path);
    }

    public boolean appliesTo(String type) {
        return resourceTypes.stream()
                .anyMatch(
                        pattern ->
                                pattern.endsWith("*")
                                        ? type.startsWith(
                                                pattern.substring(0, pattern.length() - 1))
                                        : type.equals(pattern));
    }

    private String pathText() {
        return String.join("/", path);
    }

    /** The path up to its first {@code *} step: what {@code when-missing: report} asks for. */
    private String requiredPathText() {
        int any = path.indexOf(ANY);
        return String.join("/", any < 0 ? path : path.subList(0, any));
    }

    /** The catalog entry: the user's help (if any), then what the rule checks, schema included. */
    public RuleDescription description() {
        boolean wildcard = path.contains(ANY);
        String checks =
                "## What it checks\n\n"
                        + (wildcard ? "Each match of " : "")
                        + "`"
                        + pathText()
                        + "` of "
                        + String.join(", ", resourceTypes.stream().map(t -> "`" + t + "`").toList())
                        + (wildcard ? " (`*`: every item of a list or value of a map)" : "")
                        + (expectation == Expectation.MUST ? " must" : " must not")
                        + " satisfy this JSON Schema"
                        + (reportWhenMissing
                                ? "; a resource without `"
                                        + requiredPathText()
                                        + "` is reported too"
                                : "")
                        + ":\n\n```json\n"
                        + schemaText
                        + "\n```\n\nCustom rule from `"
                        + definedIn
                        + "`.\n";
        String markdown = help.map(h -> h.strip() + "\n\n").orElse("") + checks;
        return new RuleDescription(
                id,
                level,
                name,
                summary,
                List.of(),
                Optional.of(securitySeverity),
                precision,
                markdown,
                Optional.of(definedIn));
    }
}
