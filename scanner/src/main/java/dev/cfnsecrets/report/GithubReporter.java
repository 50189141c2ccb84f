package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.scan.ConfigNotice;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} line
 * per unsuppressed finding, which GitHub shows as an annotation on the file (a finding of a CDK app
 * with its construct path, or its stack, on a line of its own), a {@code ::warning} per setting of
 * the configuration that hides findings, then a summary line. Suppressed findings are not
 * annotated. A finding on a CDK construct traced back to the user's code is annotated on that
 * source line, which a pull request shows (the synthesised template rarely is in one), and its
 * message ends with the place in the template. Only the commands are written with {@link
 * SafeWriter#command}; every other line is neutralised, and the commands' data and properties are
 * escaped so that each stays one command.
 */
public final class GithubReporter implements Reporter {
    private final Redactor redactor;

    public GithubReporter(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        SafeWriter safe = SafeWriter.of(out, false);
        for (Finding finding : result.findings()) {
            if (finding.isSuppressed()) {
                continue;
            }
            safe.command(command(finding, result));
        }
        // A warning without a file shows on the pull request's checks, so a reviewer sees what the
        // configuration hid.
        for (ConfigNotice notice : result.configNotices()) {
            safe.command(
                    "::warning title="
                            + property(ToolInfo.NAME + " configuration")
                            + "::"
                            + data(notice.message()));
        }
        safe.write(Summary.line(result));
        safe.write('\n');
        safe.finish();
    }

    private String command(Finding finding, ScanResult result) {
        Location place = Places.primary(finding);
        Span span = place.span();
        String title = RuleTitle.of(finding, result);
        StringBuilder line = new StringBuilder("::").append(command(finding));
        line.append(" file=").append(property(place.file()));
        // GitHub accepts columns only for an annotation on a single line; its endColumn is
        // inclusive.
        boolean oneLine = span.endLine() <= span.startLine();
        line.append(",line=").append(span.startLine());
        if (oneLine) {
            line.append(",col=").append(span.startColumn());
        }
        line.append(",endLine=").append(Math.max(span.startLine(), span.endLine()));
        if (oneLine) {
            line.append(",endColumn=").append(Math.max(span.startColumn(), span.endColumn() - 1));
        }
        line.append(",title=").append(property(title));
        String cleaned = redactor.clean(finding.message(), finding.secrets());
        String message =
                CdkPlace.of(finding)
                        .map(cdk -> cleaned + "\n" + cdk.label() + ": " + cdk.name())
                        .orElse(cleaned);
        if (finding.source().isPresent()) {
            // The annotation is on the user's line; the template it was found in is a build output.
            message +=
                    "\nIn "
                            + Places.TEMPLATE
                            + ": "
                            + finding.file()
                            + ":"
                            + finding.span().startLine()
                            + ":"
                            + finding.span().startColumn();
        }
        line.append("::").append(data(message));
        return line.toString();
    }

    private static String command(Finding finding) {
        switch (finding.level()) {
            case ERROR:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "notice";
        }
    }

    /**
     * Escapes a command's message so that it stays one command (GitHub's {@code escapeData}), after
     * {@link SafeText#lines}: its line breaks stay line breaks of the annotation.
     */
    static String data(String text) {
        return github(SafeText.lines(text));
    }

    /**
     * Escapes a property value: one line ({@link SafeText#inline}), and the ':' and ',' that
     * delimit properties.
     */
    static String property(String text) {
        return github(SafeText.inline(text)).replace(":", "%3A").replace(",", "%2C");
    }

    private static String github(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
