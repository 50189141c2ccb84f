package dev.cfnsecrets.config;

import dev.cfnsecrets.catalog.CustomRuleDefinition;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.source.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of {@code .cfn-secrets.yml}. Every field is what the file says; absent keys keep the
 * scanner's defaults ({@code limits} starts from {@link Limits#DEFAULT}, lists and maps are empty).
 *
 * @param baseline the baseline file, already resolved against the configuration file's directory
 *     and checked to lie inside its repository ({@link ReferencedFile})
 * @param customRules the rules of the files under {@code custom-rules}, validated; a scan adds them
 *     to its catalog ({@link dev.cfnsecrets.catalog.Catalog#withCustomRules})
 */
public record Config(
        List<String> enable,
        List<String> disable,
        Map<String, Level> levels,
        Limits limits,
        RuleSettings settings,
        List<String> exclude,
        Optional<Path> baseline,
        List<CustomRuleDefinition> customRules) {

    public static final Config EMPTY =
            new Config(
                    List.of(),
                    List.of(),
                    Map.of(),
                    Limits.DEFAULT,
                    RuleSettings.DEFAULT,
                    List.of(),
                    Optional.empty(),
                    List.of());

    public Config {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
        levels = Map.copyOf(levels);
        exclude = List.copyOf(exclude);
        customRules = List.copyOf(customRules);
    }
}
