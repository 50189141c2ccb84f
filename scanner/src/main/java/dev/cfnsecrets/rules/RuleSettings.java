package dev.cfnsecrets.rules;

import dev.cfnsecrets.secrets.AllowList;

/**
 * What rules read from the configuration.
 *
 * @param envSizeWarningPercent CFS202 reports an environment at or above this share of Lambda's
 *     4,096 bytes (1–100, default 90)
 * @param allow values declared not to be secrets: every rule that judges whether a literal is a
 *     secret leaves them alone
 */
public record RuleSettings(int envSizeWarningPercent, AllowList allow) {
    public static final RuleSettings DEFAULT = new RuleSettings(90, AllowList.NONE);

    public RuleSettings {
        if (envSizeWarningPercent < 1 || envSizeWarningPercent > 100) {
            throw new IllegalArgumentException(
                    "the environment size warning threshold is a percentage "
                            + "from 1 to 100, not "
                            + envSizeWarningPercent);
        }
    }

    public RuleSettings withEnvSizeWarningPercent(int percent) {
        return new RuleSettings(percent, allow);
    }
}
