package dev.cfnsecrets.scan;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The rule selection applied as the last stage of a scan, after every rule has run, so that each
 * finding a setting hides is counted against that setting ({@link ConfigNotice}). The other
 * settings act earlier and are counted where they act: excludes by the scanner's walk, the allow
 * list inside the rules, levels and the baseline on the findings they mark.
 */
final class ConfigFilter {
    private ConfigFilter() {}

    /** The findings a report shows, and what the configuration hid. */
    record Applied(List<Finding> findings, List<ConfigNotice> notices) {}

    /**
     * @param excluded files not scanned, by the exclude glob that matched them first
     * @param allowed distinct values the allow list declared not secrets, summed over documents
     */
    static Applied apply(
            ScanOptions options,
            Catalog catalog,
            List<Finding> all,
            Map<String, Long> excluded,
            long allowed) {
        Map<String, Long> disabled = new LinkedHashMap<>();
        options.disable().forEach(prefix -> disabled.put(prefix, 0L));
        long notEnabled = 0;
        List<Finding> shown = new ArrayList<>();
        for (Finding finding : all) {
            if (options.runs(finding.ruleId())) {
                shown.add(finding);
            } else if (!finding.isSuppressed()) {
                Optional<String> prefix =
                        options.disable().stream().filter(finding.ruleId()::startsWith).findFirst();
                if (prefix.isPresent()) {
                    disabled.merge(prefix.get(), 1L, Long::sum);
                } else {
                    notEnabled++;
                }
            }
        }
        List<ConfigNotice> notices = new ArrayList<>();
        disabled.forEach((prefix, n) -> notices.add(ConfigNotice.rulesDisabled(prefix, n)));
        if (!options.enable().isEmpty()) {
            notices.add(ConfigNotice.rulesNotEnabled(options.enable(), notEnabled));
        }
        new TreeMap<>(options.levels())
                .forEach(
                        (ruleId, level) ->
                                catalog.find(ruleId)
                                        .filter(rule -> options.runs(rule.id())) // a rule that does
                                        // not run is
                                        // counted above
                                        .map(RuleDescription::level)
                                        .filter(
                                                usual ->
                                                        level.compareTo(usual)
                                                                < 0) // levels are ordered by
                                        // severity
                                        .ifPresent(
                                                usual ->
                                                        notices.add(
                                                                ConfigNotice.levelLowered(
                                                                        ruleId,
                                                                        usual,
                                                                        level,
                                                                        count(
                                                                                shown,
                                                                                f ->
                                                                                        f.ruleId()
                                                                                                        .equals(
                                                                                                                ruleId)
                                                                                                && !f
                                                                                                        .isSuppressed())))));
        if (!options.ruleSettings().allow().isEmpty()) {
            notices.add(ConfigNotice.valuesAllowed(allowed));
        }
        options.exclude()
                .forEach(
                        glob ->
                                notices.add(
                                        ConfigNotice.pathsExcluded(
                                                glob, excluded.getOrDefault(glob, 0L))));
        if (!options.baseline().isEmpty()) {
            notices.add(ConfigNotice.baseline(count(shown, Scanner::isBaselined)));
        }
        return new Applied(shown, notices);
    }

    private static long count(List<Finding> findings, Predicate<Finding> which) {
        return findings.stream().filter(which).count();
    }
}
