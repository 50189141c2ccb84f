package dev.cfnsecrets.cli;

import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.report.SafeText;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cfn-secrets rules}: the catalog as a table. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "List the rule catalog and the configuration's custom rules: id, level, name and summary.")
final class RulesCommand implements Runnable {
    @Spec private CommandSpec spec;

    @Mixin private ConfigOption config;

    @Override
    public void run() {
        Collection<RuleDescription> rules = config.catalog().all();
        int idWidth = width(rules, RuleDescription::id, "ID");
        int levelWidth = width(rules, r -> r.level().sarifName(), "LEVEL");
        int nameWidth = width(rules, RuleDescription::name, "NAME");
        String row = "%-" + idWidth + "s  %-" + levelWidth + "s  %-" + nameWidth + "s  %s%n";
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, row, "ID", "LEVEL", "NAME", "SUMMARY");
        for (RuleDescription rule : rules) {
            // A custom rule's fields come from a configuration file: one escaped line per rule.
            out.printf(
                    Locale.ROOT,
                    row,
                    SafeText.inline(rule.id()),
                    rule.level().sarifName(),
                    SafeText.inline(rule.name()),
                    SafeText.inline(rule.summary()));
        }
    }

    private static int width(
            Collection<RuleDescription> rules,
            Function<RuleDescription, String> column,
            String title) {
        return rules.stream()
                .map(column)
                .map(SafeText::inline)
                .mapToInt(String::length)
                .reduce(title.length(), Math::max);
    }
}
