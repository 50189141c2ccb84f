package dev.cfnsecrets.report;

import java.time.Clock;

/**
 * Picks the reporter for an output format; every one of them redacts unless {@code showSecrets}.
 */
public final class Reporters {
    private Reporters() {}

    /**
     * @param showSecrets print secret values unredacted ({@code --show-secrets}; never the default)
     * @param color ANSI colour in the text format: only on a terminal and when {@code NO_COLOR} is
     *     unset
     */
    public static Reporter of(Format format, boolean showSecrets, boolean color) {
        return of(format, showSecrets, color, SarifContext.ofWorkingDirectory());
    }

    /**
     * @param sarif where the SARIF report's paths are relative to, and the exit status it records
     */
    public static Reporter of(
            Format format, boolean showSecrets, boolean color, SarifContext sarif) {
        Redactor redactor = new Redactor(showSecrets);
        switch (format) {
            case SARIF:
                return new SarifReporter(redactor, sarif);
            case JSON:
                return new JsonReporter(redactor);
            case GITHUB:
                return new GithubReporter(redactor);
            case TEXT:
                return new TextReporter(color, redactor);
            case JUNIT:
                return new JunitReporter(redactor, Clock.systemUTC());
            case GITLAB_SAST:
                return new GitlabSastReporter(redactor, Clock.systemUTC());
            case MARKDOWN:
                return new MarkdownReporter(redactor);
            default:
                throw new IllegalArgumentException("no reporter for " + format);
        }
    }
}
