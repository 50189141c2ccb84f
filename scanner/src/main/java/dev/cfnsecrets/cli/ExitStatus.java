package dev.cfnsecrets.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit statuses of {@code cfn-secrets} (README.md#exit-status), in one place for the handlers
 * and the README.
 */
final class ExitStatus {
    /**
     * No unsuppressed finding at or above {@code --fail-on}; also help, version, rules, explain.
     */
    static final int OK = 0;

    /** At least one unsuppressed finding at or above {@code --fail-on}. */
    static final int FINDINGS = 1;

    /**
     * A usage or configuration error: bad flag, missing path, unreadable or invalid config or
     * baseline.
     */
    static final int USAGE = 2;

    /** cfn-secrets itself failed (a bug): never to be read as "findings" or "bad input". */
    static final int INTERNAL_ERROR = 3;

    private ExitStatus() {}

    /**
     * Adds the exit-status list to a command's {@code --help} (the top level's and {@code scan}'s).
     */
    static void describeIn(CommandSpec command) {
        Map<String, String> list = new LinkedHashMap<>();
        list.put(OK + "", "no unsuppressed finding at or above --fail-on");
        list.put(FINDINGS + "", "at least one such finding");
        list.put(USAGE + "", "usage or configuration error");
        list.put(INTERNAL_ERROR + "", "internal error");
        command.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(list);
    }
}
