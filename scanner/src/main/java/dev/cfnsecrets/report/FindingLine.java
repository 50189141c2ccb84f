package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.source.Span;

/**
 * One finding on one line, {@code path:line:col CFSnnn message}, for logs that show the level
 * themselves (the Maven plugin's {@code [ERROR]}, {@code [WARNING]}, {@code [INFO]}). Redacted, and
 * stripped of control characters like the text report, because a log ends up on a terminal too.
 */
public final class FindingLine {
    private FindingLine() {
    }

    public static String of(Finding finding, Redactor redactor) {
        Span span = finding.span();
        return TextReporter.printable(finding.file()) + ":" + span.startLine() + ":" + span.startColumn()
                + " " + finding.ruleId()
                + " " + TextReporter.printable(redactor.clean(finding.message(), finding.secrets()));
    }
}
