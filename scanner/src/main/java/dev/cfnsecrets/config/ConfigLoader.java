package dev.cfnsecrets.config;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.CustomRuleDefinition;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.scan.PathGlob;
import dev.cfnsecrets.secrets.AllowList;
import dev.cfnsecrets.source.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code .cfn-secrets.yml} strictly: an unknown key, a value of the wrong type, an unknown
 * level or rule id is an error, because a silently ignored typo would leave a rule on or off
 * without the user knowing.
 *
 * <pre>
 * rules:   {enable: [CFS1], disable: [CFS110], levels: {CFS106: warning}}
 * limits:  {max-file-bytes: 10485760, max-aliases: 100, max-depth: 200}
 * thresholds: {env-size-warning-percent: 90}
 * allow:   {values: ["test-password-not-real"], patterns: ["^dummy-"]}
 * exclude: ["test/**"]
 * baseline: .cfn-secrets-baseline.json
 * custom-rules: [rules/acme.yml]
 * </pre>
 *
 * Custom rules are read first, so that {@code rules} may name their ids.
 */
public final class ConfigLoader {
    /** The configuration file read from the directory a scan starts in, when no other is named. */
    public static final String DEFAULT_FILE = ".cfn-secrets.yml";

    private static final Set<String> TOP_KEYS =
            Set.of("rules", "limits", "thresholds", "allow", "exclude", "baseline", "custom-rules");
    private static final Set<String> RULES_KEYS = Set.of("enable", "disable", "levels");
    private static final Set<String> LIMITS_KEYS =
            Set.of("max-file-bytes", "max-aliases", "max-depth");
    private static final Set<String> THRESHOLD_KEYS = Set.of("env-size-warning-percent");
    private static final Set<String> ALLOW_KEYS = Set.of("values", "patterns");

    private final Catalog catalog;

    public ConfigLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    public Config load(Path file) {
        String text;
        try {
            text = ConfigFiles.readText(file);
        } catch (IOException e) {
            throw new ConfigException(
                    file
                            + ": cannot read the configuration file ("
                            + ConfigException.reason(e)
                            + ")",
                    e);
        }
        try {
            return parse(text, file);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses configuration text; {@code origin} is the file the text came from (relative paths
     * resolve against its directory).
     */
    Config parse(String text, Path origin) {
        Object loaded = yaml(text, origin);
        if (loaded == null) {
            return Config.EMPTY;
        }
        Map<?, ?> top = map(loaded, "the top level");
        checkKeys(top, TOP_KEYS, "the top level");
        Map<?, ?> rules = top.containsKey("rules") ? map(top.get("rules"), "rules") : Map.of();
        checkKeys(rules, RULES_KEYS, "rules");
        Map<?, ?> limits = top.containsKey("limits") ? map(top.get("limits"), "limits") : Map.of();
        checkKeys(limits, LIMITS_KEYS, "limits");
        Map<?, ?> thresholds =
                top.containsKey("thresholds") ? map(top.get("thresholds"), "thresholds") : Map.of();
        checkKeys(thresholds, THRESHOLD_KEYS, "thresholds");
        List<CustomRuleDefinition> customRules = customRules(top.get("custom-rules"), origin);
        Catalog known = catalog.withCustomRules(customRules);
        return new Config(
                ruleSelection(known, rules.get("enable"), "rules.enable"),
                ruleSelection(known, rules.get("disable"), "rules.disable"),
                levels(known, rules.get("levels")),
                limits(limits),
                new RuleSettings(
                        (int)
                                number(
                                        thresholds,
                                        "thresholds",
                                        "env-size-warning-percent",
                                        RuleSettings.DEFAULT.envSizeWarningPercent(),
                                        1,
                                        100),
                        allowList(top.get("allow"))),
                globs(top.get("exclude")),
                Optional.ofNullable(top.get("baseline"))
                        .map(
                                b ->
                                        ReferencedFile.resolve(
                                                origin, string(b, "baseline"), "baseline")),
                customRules);
    }

    /** YAML text of {@code origin} as maps, lists and scalars; null when empty. */
    private static Object yaml(String text, Path origin) {
        try {
            return new Load(LoadSettings.builder().setLabel(origin.toString()).build())
                    .loadFromString(text);
        } catch (YamlEngineException e) {
            throw new ConfigException("not valid YAML: " + e.getMessage().strip(), e);
        }
    }

    /**
     * The files under {@code custom-rules}, relative to the configuration file's directory and
     * inside its repository.
     */
    private List<CustomRuleDefinition> customRules(Object value, Path origin) {
        if (value == null) {
            return List.of(); // without loading the schema validator: it adds to every start-up
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String file : strings(value, "custom-rules")) {
            files.put(file, ReferencedFile.resolve(origin, file, "custom-rules"));
        }
        return CustomRulesLoader.load(files, catalog);
    }

    /**
     * Rule ids or prefixes ({@code CFS3} = all IAM rules), upper-cased; each must select at least
     * one rule of the catalog, so that a typo is an error rather than a rule left running.
     */
    public List<String> ruleSelection(Object value, String where) {
        return ruleSelection(catalog, value, where);
    }

    private static List<String> ruleSelection(Catalog catalog, Object value, String where) {
        List<String> selection = new ArrayList<>();
        for (String entry : strings(value, where)) {
            String prefix = entry.strip().toUpperCase(Locale.ROOT);
            if (prefix.isEmpty()
                    || catalog.all().stream().noneMatch(r -> r.id().startsWith(prefix))) {
                throw new ConfigException(
                        where
                                + ": '"
                                + entry
                                + "' is not a rule id or prefix of the catalog"
                                + " (see 'cfn-secrets rules')");
            }
            selection.add(prefix);
        }
        return selection;
    }

    private static Map<String, Level> levels(Catalog catalog, Object value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map(value, "rules.levels").entrySet()) {
            String id = String.valueOf(entry.getKey()).toUpperCase(Locale.ROOT);
            if (catalog.find(id).isEmpty()) {
                throw new ConfigException(
                        "rules.levels: unknown rule '"
                                + entry.getKey()
                                + "' (see 'cfn-secrets rules')");
            }
            String level = string(entry.getValue(), "rules.levels." + id);
            try {
                levels.put(id, Level.parse(level));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "rules.levels."
                                + id
                                + ": unknown level '"
                                + level
                                + "' (expected error, warning or note)",
                        e);
            }
        }
        return levels;
    }

    /**
     * {@code allow: {values: [...], patterns: [...]}}: exact values, and RE2/J regexes (linear
     * time, however hostile the pattern) compiled here so that a typo is an error.
     */
    private static AllowList allowList(Object value) {
        if (value == null) {
            return AllowList.NONE;
        }
        Map<?, ?> allow = map(value, "allow");
        checkKeys(allow, ALLOW_KEYS, "allow");
        List<String> regexes = strings(allow.get("patterns"), "allow.patterns");
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            String where = "allow.patterns[" + i + "]";
            Pattern pattern;
            try {
                pattern = Pattern.compile(regexes.get(i));
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new ConfigException(
                        where
                                + ": not a valid regular expression ("
                                + e.getDescription()
                                + "; RE2 syntax: no backreferences or lookaround)",
                        e);
            }
            if (matchesEmpty(pattern)) {
                throw new ConfigException(
                        where
                                + ": the pattern matches the empty string, so it would allow every secret");
            }
            patterns.add(pattern);
        }
        return new AllowList(
                new LinkedHashSet<>(strings(allow.get("values"), "allow.values")), patterns);
    }

    /**
     * Whether the pattern finds an empty match: searched with {@code find}, such a pattern ({@code
     * |x}, {@code .*}, {@code x?}, {@code \\b}) matches inside any secret. Short probes catch the
     * empty matches that need a neighbouring character (a word boundary).
     */
    private static boolean matchesEmpty(Pattern pattern) {
        for (String probe : List.of("", "x", "0", "-", " ")) {
            Matcher m = pattern.matcher(probe);
            while (m.find()) {
                if (m.start() == m.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Limits limits(Map<?, ?> limits) {
        Limits defaults = Limits.DEFAULT;
        return new Limits(
                number(
                        limits,
                        "limits",
                        "max-file-bytes",
                        defaults.maxFileBytes(),
                        1,
                        Long.MAX_VALUE),
                (int)
                        number(
                                limits,
                                "limits",
                                "max-aliases",
                                defaults.maxAliases(),
                                0,
                                Integer.MAX_VALUE),
                (int)
                        number(
                                limits,
                                "limits",
                                "max-depth",
                                defaults.maxDepth(),
                                1,
                                Integer.MAX_VALUE));
    }

    private static long number(
            Map<?, ?> section, String where, String key, long fallback, long min, long max) {
        Object value = section.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new ConfigException(
                    where + "." + key + ": expected a whole number, found '" + value + "'");
        }
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            throw new ConfigException(
                    where
                            + "."
                            + key
                            + ": "
                            + number
                            + " is out of range ("
                            + min
                            + " to "
                            + max
                            + ")");
        }
        return number;
    }

    private static List<String> globs(Object value) {
        List<String> globs = strings(value, "exclude");
        for (String glob : globs) {
            try {
                PathGlob.compile(glob);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(
                        "exclude: '" + glob + "' is not a valid glob (" + e.getDescription() + ")",
                        e);
            }
        }
        return globs;
    }

    private static void checkKeys(Map<?, ?> map, Set<String> known, String where) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new ConfigException(
                        where
                                + ": unknown key '"
                                + key
                                + "' (expected one of "
                                + String.join(", ", known.stream().sorted().toList())
                                + ")");
            }
        }
    }

    private static Map<?, ?> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new ConfigException(where + ": expected a map of keys, found " + kind(value));
    }

    private static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(where + ": expected a list of strings, found " + kind(value));
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            strings.add(string(item, where));
        }
        return strings;
    }

    private static String string(Object value, String where) {
        if (value instanceof String s) {
            return s;
        }
        throw new ConfigException(where + ": expected a string, found " + kind(value));
    }

    private static String kind(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
