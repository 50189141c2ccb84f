package dev.cfnsecrets.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

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
}
