package dev.cfnsecrets.rules;

/**
 * Thresholds that rules read from the configuration.
 *
 * @param envSizeWarningPercent CFS202 reports an environment at or above this share of Lambda's
 *     4,096 bytes (1–100, default 90)
 */
public record RuleSettings(int envSizeWarningPercent) {
    public static final RuleSettings DEFAULT = new RuleSettings(90);

    public RuleSettings {
        if (envSizeWarningPercent < 1 || envSizeWarningPercent > 100) {
            throw new IllegalArgumentException("the environment size warning threshold is a percentage "
                    + "from 1 to 100, not " + envSizeWarningPercent);
        }
    }

    public RuleSettings withEnvSizeWarningPercent(int percent) {
        return new RuleSettings(percent);
    }
}
