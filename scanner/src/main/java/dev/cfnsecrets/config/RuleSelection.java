package dev.cfnsecrets.config;

import dev.cfnsecrets.scan.ScanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules a run asks for (the command line's {@code --enable}/{@code --disable}, the Maven
 * plugin's {@code enable}/{@code disable}) merged with the configuration file's {@code
 * rules.enable}/{@code rules.disable}. One implementation for every front end, so that the same
 * words select the same rules everywhere.
 */
public final class RuleSelection {
    private final List<String> enabled;
    private final List<String> disabled;
    private final String enableName;
    private final String disableName;

    private RuleSelection(
            List<String> enabled, List<String> disabled, String enableName, String disableName) {
        this.enabled = enabled;
        this.disabled = disabled;
        this.enableName = enableName;
        this.disableName = disableName;
    }

    /**
     * The run's selection, checked against the catalog of {@code loader}.
     *
     * @param enable rule ids or prefixes, in any case; null or empty: the run names none
     * @param enableName what the run calls the list, for messages ({@code --enable}, {@code
     *     enable})
     * @throws ConfigException when an entry is no rule id or prefix of the catalog
     */
    public static RuleSelection of(
            ConfigLoader loader,
            List<String> enable,
            String enableName,
            List<String> disable,
            String disableName) {
        return new RuleSelection(
                enable == null ? List.of() : loader.ruleSelection(enable, enableName),
                disable == null ? List.of() : loader.ruleSelection(disable, disableName),
                enableName,
                disableName);
    }

    /**
     * The run beats the file: its enable list replaces {@code rules.enable} and turns back on what
     * {@code rules.disable} turned off among those rules; its disable list adds to {@code
     * rules.disable}.
     */
    public ScanOptions applyTo(ScanOptions options, Config fileConfig) {
        Stream<String> fileDisabled =
                fileConfig.disable().stream()
                        .filter(
                                d ->
                                        enabled.stream()
                                                .noneMatch(
                                                        e -> d.startsWith(e) || e.startsWith(d)));
        return options.withRules(
                enabled.isEmpty() ? fileConfig.enable() : enabled,
                Stream.concat(fileDisabled, disabled.stream()).toList());
    }

    /**
     * One warning per enabled rule or prefix that a disabled one covers whole. Disable wins over
     * enable (a rule is reported when enabled and not disabled), so such a rule is reported by
     * nothing, which is rarely what was meant.
     */
    public List<String> conflicts() {
        List<String> warnings = new ArrayList<>();
        for (String e : enabled) {
            disabled.stream()
                    .filter(e::startsWith)
                    .findFirst()
                    .ifPresent(
                            d ->
                                    warnings.add(
                                            enableName
                                                    + " "
                                                    + e
                                                    + " and "
                                                    + disableName
                                                    + " "
                                                    + d
                                                    + " conflict: "
                                                    + disableName
                                                    + " wins, so "
                                                    + e
                                                    + " is not reported; drop one of them"));
        }
        return warnings;
    }
}
