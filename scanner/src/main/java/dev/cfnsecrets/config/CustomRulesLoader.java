package dev.cfnsecrets.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.CustomRuleDefinition;
import dev.cfnsecrets.catalog.CustomRuleDefinition.Expectation;
import dev.cfnsecrets.catalog.Precision;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.source.BundledResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the files named under {@code custom-rules} (README.md#custom-rules): YAML, validated
 * against the published {@code rules/custom-rule.schema.json}, each rule's {@code must}/{@code
 * must-not} compiled as a JSON Schema. Anything wrong is a {@link ConfigException} that names the
 * file, the rule and the JSON pointer of the problem. Schemas are never fetched from the network: a
 * {@code $ref} must resolve inside the rule's own schema (or to the JSON Schema meta-schemas).
 */
final class CustomRulesLoader {
    private static final String SCHEMA_RESOURCE = "cfn-secrets/rules/custom-rule.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS =
            SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12,
                    builder ->
                            builder.schemaRegistryConfig(
                                    SchemaRegistryConfig.builder()
                                            .pathType(PathType.JSON_POINTER)
                                            .locale(Locale.ENGLISH)
                                            .regularExpressionFactory(
                                                    Re2jRegularExpressions.INSTANCE)
                                            .build()));
    private static final Set<String> PLACEHOLDERS = Set.of("resource", "type", "path");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    private static final Pattern RULE_POINTER = Pattern.compile("^/rules/(\\d+)");
    private static final Map<Level, Double> DEFAULT_SEVERITY =
            Map.of(Level.ERROR, 7.0, Level.WARNING, 5.0, Level.NOTE, 2.0);

    private final Catalog catalog;
    private final Map<String, String> seen = new HashMap<>();

    private CustomRulesLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The rules of {@code files} (file as written in the configuration → resolved path); ids must
     * be new to {@code catalog} and to each other.
     */
    static List<CustomRuleDefinition> load(Map<String, Path> files, Catalog catalog) {
        CustomRulesLoader loader = new CustomRulesLoader(catalog);
        List<CustomRuleDefinition> rules = new ArrayList<>();
        files.forEach(
                (shown, path) -> {
                    try {
                        rules.addAll(loader.read(shown, path));
                    } catch (ConfigException e) {
                        throw new ConfigException(
                                "custom-rules: " + shown + ": " + e.getMessage(), e);
                    }
                });
        return rules;
    }

    private List<CustomRuleDefinition> read(String shown, Path path) {
        JsonNode tree = parse(path);
        reservedIds(tree);
        List<Error> errors = FileSchema.SCHEMA.validate(tree);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String pointer = first.getInstanceLocation().toString();
            throw new ConfigException(
                    ruleAt(tree, pointer)
                            + (pointer.isEmpty() ? "/" : pointer)
                            + ": "
                            + first.getMessage()
                            + (errors.size() > 1
                                    ? " (and " + (errors.size() - 1) + " more problems)"
                                    : ""));
        }
        List<CustomRuleDefinition> rules = new ArrayList<>();
        JsonNode list = tree.get("rules");
        for (int i = 0; i < list.size(); i++) {
            rules.add(definition(list.get(i), "/rules/" + i, shown));
        }
        return rules;
    }

    private static JsonNode parse(Path path) {
        String text;
        try {
            text = ConfigFiles.readText(path);
        } catch (IOException e) {
            throw new ConfigException(
                    "cannot read the custom rules (" + ConfigException.reason(e) + ")", e);
        }
        try {
            return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
        } catch (MarkedYamlEngineException e) {
            // Where, never the parser's message: it quotes the file's text, which may be a secret.
            throw new ConfigException(
                    "not valid YAML"
                            + e.getProblemMark()
                                    .map(
                                            m ->
                                                    " at line "
                                                            + (m.getLine() + 1)
                                                            + ", column "
                                                            + (m.getColumn() + 1))
                                    .orElse(""));
        } catch (YamlEngineException e) {
            throw new ConfigException("not valid YAML");
        }
    }

    /** Said plainly before the schema says it obscurely ("must not be valid to the schema"). */
    private static void reservedIds(JsonNode tree) {
        for (JsonNode rule : tree.path("rules")) {
            String id = rule.path("id").asText("");
            if (id.toUpperCase(Locale.ROOT).startsWith("CFS")) {
                throw new ConfigException(
                        "rule "
                                + id
                                + ": ids starting with CFS are reserved for the built-in rules");
            }
        }
    }

    private CustomRuleDefinition definition(JsonNode rule, String pointer, String shown) {
        String id = rule.get("id").asText();
        String where = "rule " + id + " at " + pointer;
        String previous = seen.putIfAbsent(id, shown);
        if (previous != null || catalog.find(id).isPresent()) {
            throw new ConfigException(
                    where
                            + ": the id "
                            + id
                            + " is already used"
                            + (previous != null ? " in " + previous : " by the catalog"));
        }
        String message = rule.get("message").asText();
        checkPlaceholders(message, where + "/message");
        Expectation expectation = rule.has("must") ? Expectation.MUST : Expectation.MUST_NOT;
        JsonNode schema = rule.get(expectation.key());
        Level level = Level.parse(rule.path("level").asText("warning"));
        return new CustomRuleDefinition(
                id,
                level,
                rule.path("name").asText(id.toLowerCase(Locale.ROOT)),
                rule.path("summary").asText(PLACEHOLDER.matcher(message).replaceAll("<$1>")),
                message,
                Optional.ofNullable(rule.get("help")).map(JsonNode::asText),
                rule.has("security-severity")
                        ? rule.get("security-severity").asDouble()
                        : DEFAULT_SEVERITY.get(level),
                Precision.parse(rule.path("precision").asText("high"), where),
                StreamSupport.stream(rule.get("resource-types").spliterator(), false)
                        .map(JsonNode::asText)
                        .toList(),
                List.of(rule.get("path").asText().split("/")),
                expectation,
                compile(schema, where + "/" + expectation.key()),
                schema.toString(),
                rule.path("when-missing").asText("ignore").equals("report"),
                shown);
    }

    /** An unknown placeholder is a typo that would otherwise show up in every finding. */
    private static void checkPlaceholders(String message, String where) {
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new ConfigException(
                        where
                                + ": unknown placeholder {"
                                + m.group(1)
                                + "} (expected {resource}, {type} or {path})");
            }
        }
    }

    /**
     * Compiled and its references resolved now, so that a broken schema fails here and not
     * mid-scan.
     */
    private static Schema compile(JsonNode schema, String where) {
        try {
            Schema compiled = SCHEMAS.getSchema(schema);
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException e) {
            throw new ConfigException(
                    where + ": not a usable JSON Schema (" + schemaProblem(e) + ")", e);
        }
    }

    private static String schemaProblem(SchemaException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message =
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /** "rule ACME001 at " when the pointer is inside a rule whose id is known, else nothing. */
    private static String ruleAt(JsonNode tree, String pointer) {
        Matcher m = RULE_POINTER.matcher(pointer);
        if (m.find()) {
            JsonNode id = tree.path("rules").path(Integer.parseInt(m.group(1))).path("id");
            if (id.isTextual()) {
                return "rule " + id.asText() + " at ";
            }
        }
        return "";
    }

    /**
     * The published schema, read from the jar once and only when a configuration has custom rules.
     */
    private static final class FileSchema {
        static final Schema SCHEMA = read();

        private static Schema read() {
            return BundledResource.read(SCHEMA_RESOURCE, SCHEMAS::getSchema);
        }
    }
}
