package dev.cfnsecrets.rules.cfs2xx;

import dev.cfnsecrets.rules.Rule;
import java.util.List;

/** The rules of this family, in catalog order. */
public final class Cfs2xxRules {
    private Cfs2xxRules() {}

    public static List<Rule> rules() {
        return List.of(new EnvOverLimit(), new EnvNearLimit(), new EnvSizeUnbounded());
    }
}
