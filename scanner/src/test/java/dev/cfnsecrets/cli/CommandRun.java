package dev.cfnsecrets.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line: exit status and what it wrote to stdout and stderr. */
record CommandRun(int status, String out, String err) {

    static CommandRun of(String... args) {
        return withStdin("", args);
    }

    static CommandRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment =
                new Environment(
                        () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        false);
        int status = Main.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRun(status, out.toString(), err.toString());
    }

    /**
     * Live mode: {@code scan --aws-account} of {@code region}, reported as {@code format}, with
     * only {@code enabled} rules on, then {@code more} options.
     */
    static CommandRun accountScan(String region, String format, String enabled, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "scan",
                                "--aws-account",
                                "--aws-region",
                                region,
                                "-f",
                                format,
                                "--enable",
                                enabled));
        args.addAll(List.of(more));
        return of(args.toArray(String[]::new));
    }

    /**
     * Live mode: {@code scan --aws-stack} of {@code stack} in us-east-1, reported as {@code
     * format}.
     */
    static CommandRun stackScan(String stack, String format) {
        return of("scan", "--aws-stack", stack, "--aws-region", "us-east-1", "-f", format);
    }
}
