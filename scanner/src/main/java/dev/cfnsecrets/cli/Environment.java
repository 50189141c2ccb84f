package dev.cfnsecrets.cli;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * What the commands take from the process rather than from their arguments, so that tests can run
 * them in-process: standard input, and whether standard output is a terminal that may get colour.
 *
 * @param colorTerminal true when stdout is a terminal and {@code NO_COLOR} is not set
 */
record Environment(Supplier<InputStream> stdin, boolean colorTerminal) {

    static Environment system() {
        return new Environment(
                () -> System.in, System.console() != null && System.getenv("NO_COLOR") == null);
    }
}
