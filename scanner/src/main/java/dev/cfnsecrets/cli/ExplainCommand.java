package dev.cfnsecrets.cli;

import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.report.SafeText;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cfn-secrets explain RULE}: one rule's full help (why, bad and good example, fix). */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Print one rule's full help, with a bad and a good example (for a custom rule: what it checks).")
final class ExplainCommand implements Runnable {
    @Spec private CommandSpec spec;

    @Mixin private ConfigOption config;

    @Parameters(paramLabel = "RULE", description = "A rule id, e.g. CFS101.")
    private String ruleId;

    @Override
    public void run() {
        RuleDescription rule =
                config.catalog()
                        .find(ruleId)
                        .orElseThrow(
                                () ->
                                        new ParameterException(
                                                spec.commandLine(),
                                                "unknown rule '"
                                                        + ruleId
                                                        + "' (see 'cfn-secrets rules')"));
        PrintWriter out = spec.commandLine().getOut();
        // A custom rule's fields come from a configuration file: the title and summary stay one
        // line each.
        out.println(
                "# "
                        + SafeText.inline(rule.id())
                        + " "
                        + SafeText.inline(rule.name())
                        + " ("
                        + rule.level().sarifName()
                        + ")");
        out.println();
        out.println(SafeText.inline(rule.summary()));
        out.println();
        out.print(rule.helpMarkdown());
    }
}
