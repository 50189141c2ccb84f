package dev.cfnsecrets.catalog;

import dev.cfnsecrets.finding.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The rule catalog: the repository's {@code rules/*.md}, which the build parses into {@value
 * #INDEX} on the class path ({@link CatalogIndex}). It is the one source of ids, levels, names and
 * help for the SARIF rules array, {@code cfn-secrets rules} and {@code explain}. A configuration's
 * custom rules join it ({@link #withCustomRules}), so that everything downstream treats them alike.
 */
public final class Catalog {
    /** The bundled catalog, which the build writes from the repository's {@code rules/}. */
    static final String INDEX = "cfn-secrets/rules/catalog.index";

    private static final String RULE_FILE = "CFS\\d{3}\\.md";

    private final Map<String, RuleDescription> rules;
    private final List<CustomRuleDefinition> customRules;

    private Catalog(Map<String, RuleDescription> rules, List<CustomRuleDefinition> customRules) {
        this.rules = rules;
        this.customRules = List.copyOf(customRules);
    }

    /**
     * The catalog bundled with the scanner: {@value #INDEX}, the rule files parsed by the build
     * ({@link CatalogIndex}).
     */
    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(
                        "rule catalog missing from the class path: " + INDEX);
            }
            return new Catalog(CatalogIndex.read(in, INDEX), List.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rule catalog: " + e.getMessage(), e);
        }
    }

    /** Reads every {@code *.md} rule file of a directory, ordered by id. */
    public static Catalog fromDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files =
                    list.filter(p -> p.getFileName().toString().matches(RULE_FILE))
                            .sorted()
                            .toList();
        }
        Map<String, RuleDescription> rules = new LinkedHashMap<>();
        for (Path file : files) {
            RuleDescription rule =
                    parse(
                            new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
                            file.toString());
            rules.put(rule.id(), rule);
        }
        return new Catalog(rules, List.of());
    }

    static RuleDescription parse(String text, String origin) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalStateException(
                    origin + ": a rule file starts with '---' front matter");
        }
        int end = normalized.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalStateException(origin + ": front matter is not closed with '---'");
        }
        Object loaded =
                new Load(LoadSettings.builder().build())
                        .loadFromString(normalized.substring(4, end));
        if (!(loaded instanceof Map<?, ?> front)) {
            throw new IllegalStateException(origin + ": front matter is not a map");
        }
        List<String> cwe = new ArrayList<>();
        if (front.get("cwe") instanceof Collection<?> list) {
            list.forEach(c -> cwe.add(String.valueOf(c)));
        }
        return new RuleDescription(
                required(front, "id", origin),
                Level.parse(required(front, "level", origin)),
                required(front, "name", origin),
                required(front, "summary", origin),
                cwe,
                securitySeverity(front, origin),
                Precision.parse(required(front, "precision", origin), origin),
                normalized.substring(end + 5).strip() + "\n");
    }

    /**
     * A security rule states its {@code security-severity}; a correctness rule (a template that
     * does not deploy or cannot be read) has none, so that code scanning does not rank it as a
     * security alert.
     */
    private static Optional<Double> securitySeverity(Map<?, ?> front, String origin) {
        String kind = required(front, "kind", origin);
        boolean hasSeverity = front.get("security-severity") != null;
        switch (kind) {
            case "security":
                return Optional.of(
                        Double.parseDouble(required(front, "security-severity", origin)));
            case "correctness":
                if (hasSeverity) {
                    throw new IllegalStateException(
                            origin + ": a correctness rule has no 'security-severity'");
                }
                return Optional.empty();
            default:
                throw new IllegalStateException(
                        origin + ": 'kind' is security or correctness, not '" + kind + "'");
        }
    }

    private static String required(Map<?, ?> front, String key, String origin) {
        Object value = front.get(key);
        if (value == null) {
            throw new IllegalStateException(origin + ": front matter lacks '" + key + "'");
        }
        return String.valueOf(value).strip();
    }

    /**
     * This catalog with custom rules after its own; an id already taken is an {@link
     * IllegalArgumentException} (the loader reports clashes with the file that makes them).
     */
    public Catalog withCustomRules(List<CustomRuleDefinition> custom) {
        if (custom.isEmpty()) {
            return this;
        }
        Map<String, RuleDescription> all = new LinkedHashMap<>(rules);
        for (CustomRuleDefinition rule : custom) {
            if (all.putIfAbsent(rule.id(), rule.description()) != null) {
                throw new IllegalArgumentException("rule id " + rule.id() + " is already taken");
            }
        }
        List<CustomRuleDefinition> allCustom = new ArrayList<>(customRules);
        allCustom.addAll(custom);
        return new Catalog(all, allCustom);
    }

    /** The custom rules among {@link #all()}: the scanner runs one {@code CustomRule} for each. */
    public List<CustomRuleDefinition> customRules() {
        return customRules;
    }

    public Collection<RuleDescription> all() {
        return rules.values();
    }

    public Optional<RuleDescription> find(String id) {
        return Optional.ofNullable(rules.get(id.toUpperCase(Locale.ROOT)));
    }

    public RuleDescription get(String id) {
        return find(id).orElseThrow(
                        () -> new IllegalArgumentException("no rule " + id + " in the catalog"));
    }
}
