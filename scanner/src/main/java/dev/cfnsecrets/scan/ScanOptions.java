package dev.cfnsecrets.scan;

import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.source.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to scan: input limits, the rule selection ({@code enable}/{@code disable} hold rule ids or
 * prefixes, {@code CFS3} = all IAM rules; an empty {@code enable} means all), level overrides, path
 * excludes (globs over the repository-relative path, e.g. {@code test/**}), the baseline's
 * fingerprints, rule thresholds, and the repository root that excludes and fingerprints are
 * relative to ({@code SourceRoot}: the git work tree of the scanned paths, else the configuration
 * file's folder; by default the working directory).
 */
public record ScanOptions(
        Limits limits,
        List<String> enable,
        List<String> disable,
        Map<String, Level> levels,
        List<String> exclude,
        Set<String> baseline,
        RuleSettings ruleSettings,
        Path root) {

    public static final ScanOptions DEFAULT =
            new ScanOptions(Limits.DEFAULT, List.of(), List.of(), Map.of(), List.of(), Set.of());

    /** Options with the default rule thresholds. */
    public ScanOptions(
            Limits limits,
            List<String> enable,
            List<String> disable,
            Map<String, Level> levels,
            List<String> exclude,
            Set<String> baseline) {
        this(limits, enable, disable, levels, exclude, baseline, RuleSettings.DEFAULT, Path.of(""));
    }

    public ScanOptions {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
        levels = Map.copyOf(levels);
        exclude = List.copyOf(exclude);
        baseline = Set.copyOf(baseline);
    }

    /**
     * What a configuration file asks for: its rule selection, levels, limits, rule settings and
     * excludes. The baseline it names is not read here: the caller decides whether it applies (and
     * may name another).
     */
    public static ScanOptions from(Config config) {
        return DEFAULT.withRules(config.enable(), config.disable())
                .withLimits(config.limits())
                .withRuleSettings(config.settings())
                .withLevels(config.levels())
                .withExclude(config.exclude());
    }

    public boolean runs(String ruleId) {
        boolean enabled = enable.isEmpty() || enable.stream().anyMatch(ruleId::startsWith);
        return enabled && disable.stream().noneMatch(ruleId::startsWith);
    }

    /** The first exclude glob that matches {@code repositoryPath}, if any. */
    public Optional<String> excludedBy(String repositoryPath) {
        return exclude.stream()
                .filter(glob -> PathGlob.compile(glob).matches(repositoryPath))
                .findFirst();
    }

    public ScanOptions withLimits(Limits newLimits) {
        return new ScanOptions(
                newLimits, enable, disable, levels, exclude, baseline, ruleSettings, root);
    }

    public ScanOptions withRules(List<String> newEnable, List<String> newDisable) {
        return new ScanOptions(
                limits, newEnable, newDisable, levels, exclude, baseline, ruleSettings, root);
    }

    public ScanOptions withLevels(Map<String, Level> newLevels) {
        return new ScanOptions(
                limits, enable, disable, newLevels, exclude, baseline, ruleSettings, root);
    }

    public ScanOptions withExclude(List<String> newExclude) {
        return new ScanOptions(
                limits, enable, disable, levels, newExclude, baseline, ruleSettings, root);
    }

    public ScanOptions withBaseline(Set<String> fingerprints) {
        return new ScanOptions(
                limits, enable, disable, levels, exclude, fingerprints, ruleSettings, root);
    }

    public ScanOptions withRuleSettings(RuleSettings settings) {
        return new ScanOptions(limits, enable, disable, levels, exclude, baseline, settings, root);
    }

    /** These options with excludes and fingerprints relative to {@code repositoryRoot}. */
    public ScanOptions withRoot(Path repositoryRoot) {
        return new ScanOptions(
                limits, enable, disable, levels, exclude, baseline, ruleSettings, repositoryRoot);
    }
}
