package dev.cfnsecrets.scan;

import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.source.Limits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to scan: input limits, the rule selection ({@code enable}/{@code disable} hold rule ids or
 * prefixes, {@code CFS3} = all IAM rules; an empty {@code enable} means all), level overrides, path
 * excludes (globs over the shown path, e.g. {@code test/**}), the baseline's fingerprints and rule
 * thresholds.
 */
public record ScanOptions(
        Limits limits,
        List<String> enable,
        List<String> disable,
        Map<String, Level> levels,
        List<String> exclude,
        Set<String> baseline,
        RuleSettings ruleSettings) {

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
        this(limits, enable, disable, levels, exclude, baseline, RuleSettings.DEFAULT);
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

    /** The first exclude glob that matches {@code shownPath}, if any. */
    public Optional<String> excludedBy(String shownPath) {
        return exclude.stream()
                .filter(glob -> PathGlob.compile(glob).matches(shownPath))
                .findFirst();
    }

    public ScanOptions withLimits(Limits newLimits) {
        return new ScanOptions(newLimits, enable, disable, levels, exclude, baseline, ruleSettings);
    }

    public ScanOptions withRules(List<String> newEnable, List<String> newDisable) {
        return new ScanOptions(
                limits, newEnable, newDisable, levels, exclude, baseline, ruleSettings);
    }

    public ScanOptions withLevels(Map<String, Level> newLevels) {
        return new ScanOptions(limits, enable, disable, newLevels, exclude, baseline, ruleSettings);
    }

    public ScanOptions withExclude(List<String> newExclude) {
        return new ScanOptions(limits, enable, disable, levels, newExclude, baseline, ruleSettings);
    }

    public ScanOptions withBaseline(Set<String> fingerprints) {
        return new ScanOptions(
                limits, enable, disable, levels, exclude, fingerprints, ruleSettings);
    }

    public ScanOptions withRuleSettings(RuleSettings settings) {
        return new ScanOptions(limits, enable, disable, levels, exclude, baseline, settings);
    }
}
