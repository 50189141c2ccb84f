package dev.cfnsecrets.cli;

import dev.cfnsecrets.report.SafeWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cfn-secrets}: the command line (README.md#usage). */
@Command(
        name = "cfn-secrets",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Finds secrets that leak through Lambda and ECS environments in CloudFormation, SAM and CDK"
                        + " templates, and IAM or KMS policies that expose them.")
public final class Main implements Runnable {
    @Spec private CommandSpec spec;

    public static void main(String[] args) {
        // Reports are UTF-8 whatever the platform's default charset (redaction prints '…').
        PrintWriter out =
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err =
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        System.exit(execute(Environment.system(), out, err, args));
    }

    /**
     * Runs one command line in-process and returns its exit status. Everything it prints goes
     * through a {@link SafeWriter}: text from templates, file names and configuration files (in
     * messages, reports, rule listings) cannot drive the terminal or write a CI runner's command.
     */
    static int execute(
            Environment environment, PrintWriter rawOut, PrintWriter rawErr, String... args) {
        SafeWriter out = SafeWriter.of(rawOut, environment.colorTerminal());
        SafeWriter err = SafeWriter.of(rawErr, false);
        // --version (or -V) alone is answered before picocli builds its command model by
        // reflection, which is most of the start of a run that prints one line (BENCHMARKS.md,
        // "Start-up (issue #15)"); any other command line asking for it goes through picocli,
        // with the same VersionProvider.
        if (asksForVersionOnly(args)) {
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return ExitStatus.OK;
        }
        ErrorHandlers handlers = new ErrorHandlers();
        CommandLine commandLine =
                new CommandLine(new Main())
                        .addSubcommand(new ScanCommand(environment))
                        .addSubcommand(new RulesCommand())
                        .addSubcommand(new ExplainCommand())
                        .addSubcommand(new CommandLine.HelpCommand());
        ExitStatus.describeIn(commandLine.getSubcommands().get("scan").getCommandSpec());
        commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers)
                .setOut(out)
                .setErr(err)
                // Help is coloured exactly when reports are, so the writer expects its
                // colours.
                .setColorScheme(
                        CommandLine.Help.defaultColorScheme(
                                environment.colorTerminal()
                                        ? CommandLine.Help.Ansi.ON
                                        : CommandLine.Help.Ansi.OFF));
        ExitStatus.describeIn(commandLine.getCommandSpec());
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean asksForVersionOnly(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: scan, rules or explain");
    }
}
