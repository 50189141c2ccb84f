package dev.cfnsecrets.maven;

import dev.cfnsecrets.report.SafeText;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.maven.plugin.logging.Log;

/**
 * The plugin's log with {@link SafeText#lines} applied to every message: file names, findings and
 * configuration errors come from the scanned project, and the build log ends up on a terminal and
 * in CI logs, where a line must not drive the terminal or become a runner command. An exception is
 * logged as its escaped stack trace, since Maven would print its message raw.
 */
final class SafeLog implements Log {
    private final Log log;

    SafeLog(Log log) {
        this.log = log;
    }

    private static String safe(CharSequence content) {
        return SafeText.lines(String.valueOf(content));
    }

    private static String safe(CharSequence content, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return safe(
                (content == null ? "" : content + System.lineSeparator())
                        + trace.toString().strip());
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(safe(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(safe(content, error));
    }

    @Override
    public void debug(Throwable error) {
        log.debug(safe(null, error));
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(safe(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(safe(content, error));
    }

    @Override
    public void info(Throwable error) {
        log.info(safe(null, error));
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(safe(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(safe(content, error));
    }

    @Override
    public void warn(Throwable error) {
        log.warn(safe(null, error));
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(safe(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(safe(content, error));
    }

    @Override
    public void error(Throwable error) {
        log.error(safe(null, error));
    }
}
