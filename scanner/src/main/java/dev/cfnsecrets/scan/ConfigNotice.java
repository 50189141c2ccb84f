package dev.cfnsecrets.scan;

import dev.cfnsecrets.finding.Level;
import java.util.List;

/**
 * A setting that makes the scan report less than it would by default, and how much it hid. Every
 * report says these, whether or not the setting hid anything this time: a pull request may change
 * the configuration it is scanned with, and a scan turned green by its own configuration must not
 * look like a clean one.
 *
 * @param kind what the setting does
 * @param setting the setting as written: a rule id or prefix, a glob, {@code CFS106: note}
 * @param count findings (rules, levels, baseline), values (allow list) or files (exclude) it hid
 * @param message the sentence reports show, naming the setting and the count
 */
public record ConfigNotice(Kind kind, String setting, long count, String message) {

    public enum Kind {
        RULES_DISABLED("rules-disabled"),
        RULES_NOT_ENABLED("rules-not-enabled"),
        LEVEL_LOWERED("level-lowered"),
        VALUES_ALLOWED("values-allowed"),
        PATHS_EXCLUDED("paths-excluded"),
        BASELINE("baseline");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The stable name in the JSON and SARIF reports. */
        public String id() {
            return id;
        }
    }

    static ConfigNotice rulesDisabled(String prefix, long findings) {
        return new ConfigNotice(
                Kind.RULES_DISABLED,
                prefix,
                findings,
                "rules " + prefix + " disabled: " + count(findings, "finding") + " not reported");
    }

    static ConfigNotice rulesNotEnabled(List<String> enabled, long findings) {
        String setting = String.join(", ", enabled);
        return new ConfigNotice(
                Kind.RULES_NOT_ENABLED,
                setting,
                findings,
                "only rules "
                        + setting
                        + " enabled: "
                        + count(findings, "finding")
                        + " of the other rules not reported");
    }

    static ConfigNotice levelLowered(String ruleId, Level from, Level to, long findings) {
        return new ConfigNotice(
                Kind.LEVEL_LOWERED,
                ruleId + ": " + to.sarifName(),
                findings,
                "level of "
                        + ruleId
                        + " lowered from "
                        + from.sarifName()
                        + " to "
                        + to.sarifName()
                        + ": "
                        + count(findings, "finding")
                        + " reported as "
                        + to.sarifName());
    }

    static ConfigNotice valuesAllowed(long values) {
        return new ConfigNotice(
                Kind.VALUES_ALLOWED,
                "allow",
                values,
                "allow list: " + count(values, "value") + " allowed (not reported as secrets)");
    }

    static ConfigNotice pathsExcluded(String glob, long files) {
        return new ConfigNotice(
                Kind.PATHS_EXCLUDED,
                glob,
                files,
                "exclude '" + glob + "': " + count(files, "file") + " not scanned");
    }

    static ConfigNotice baseline(long findings) {
        return new ConfigNotice(
                Kind.BASELINE,
                "baseline",
                findings,
                "baseline: " + count(findings, "finding") + " suppressed");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
