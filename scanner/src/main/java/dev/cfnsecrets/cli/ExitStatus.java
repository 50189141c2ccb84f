package dev.cfnsecrets.cli;

/** The exit statuses of {@code cfn-secrets} (SPEC §2), in one place for the handlers and the README. */
final class ExitStatus {
    /** No unsuppressed finding at or above {@code --fail-on}; also help, version, rules, explain. */
    static final int OK = 0;
    /** At least one unsuppressed finding at or above {@code --fail-on}. */
    static final int FINDINGS = 1;
    /** A usage or configuration error: bad flag, missing path, unreadable or invalid config or baseline. */
    static final int USAGE = 2;
    /** cfn-secrets itself failed (a bug): never to be read as "findings" or "bad input". */
    static final int INTERNAL_ERROR = 3;

    private ExitStatus() {
    }
}
