package dev.cfnsecrets.scan;

import dev.cfnsecrets.source.Limits;
import java.util.List;

/**
 * What to scan with: input limits and the rule selection. {@code enable} and {@code disable} hold
 * rule ids or prefixes ({@code CFS3} = all IAM rules); an empty {@code enable} means all rules.
 */
public record ScanOptions(Limits limits, List<String> enable, List<String> disable) {

    public static final ScanOptions DEFAULT = new ScanOptions(Limits.DEFAULT, List.of(), List.of());

    public ScanOptions {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
    }

    public boolean runs(String ruleId) {
        boolean enabled = enable.isEmpty() || enable.stream().anyMatch(ruleId::startsWith);
        return enabled && disable.stream().noneMatch(ruleId::startsWith);
    }
}
