package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.source.Span;

/**
 * One finding on one line, {@code path:line:col CFSnnn message}, for logs that show the level
 * themselves (the Maven plugin's {@code [ERROR]}, {@code [WARNING]}, {@code [INFO]}). Redacted, and
 * made one safe line ({@link SafeText#line}), because a log ends up on a terminal and in CI logs
 * too.
 */
public final class FindingLine {
    private FindingLine() {}

    public static String of(Finding finding, Redactor redactor) {
        Span span = finding.span();
        return SafeText.line(
                finding.file()
                        + ":"
                        + span.startLine()
                        + ":"
                        + span.startColumn()
                        + " "
                        + finding.ruleId()
                        + " "
                        + redactor.clean(finding.message(), finding.secrets()));
    }
}
