package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The human report, compiler style:
 *
 * <pre>
 * template.yaml:12:18: error CFS101 API_KEY holds a GitHub token …
 *   12 |       API_KEY: ghp_…(40 chars)
 *      |                ^^^^^^^^^^^^^^^^
 *     construct: Prod/Api/Fn/Resource
 *     related: template.yaml:3:5: the Parameter it comes from
 *     fix: drop the variable
 * </pre>
 *
 * then a summary line. A finding in a template of a CDK cloud assembly shows its construct path, or
 * when it is on none its stack ({@link CdkPlace}). Suppressed findings are left out of the listing
 * and only counted in the summary (SARIF and JSON keep them). Colour only when the caller asks for
 * it (a terminal and no {@code NO_COLOR}). Everything printed from the scanned files is escaped by
 * {@link SafeText}, and the whole report goes through a {@link SafeWriter}, so that a template can
 * neither drive the terminal nor write a CI runner's command.
 *
 * <p>A finding on a CDK construct traced back to the user's code starts at that source line, and
 * the next line says where in the synthesised template the snippet is taken from ({@code template:
 * cdk.out/Api.template.json:40:33}).
 */
public final class TextReporter implements Reporter {
    /** Longest stretch of a source line shown; minified JSON puts a whole template on one line. */
    static final int MAX_SNIPPET = 160;

    /** How much of the line before the finding a cut snippet keeps. */
    private static final int CONTEXT_BEFORE = 40;

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";

    private final boolean color;
    private final Redactor redactor;

    public TextReporter(boolean color, Redactor redactor) {
        this.color = color;
        this.redactor = redactor;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Finding finding : result.findings()) {
            if (!finding.isSuppressed()) {
                appendFinding(text, finding, result);
                text.append('\n');
            }
        }
        for (String line : Summary.configuration(result)) {
            text.append(style(YELLOW, SafeText.inline(line))).append('\n');
        }
        text.append(
                        style(
                                result.countAtOrAbove(Level.ERROR) > 0 ? BOLD + RED : BOLD,
                                Summary.line(result)))
                .append('\n');
        SafeWriter safe = SafeWriter.of(out, color);
        safe.write(text.toString());
        safe.finish();
    }

    private void appendFinding(StringBuilder text, Finding finding, ScanResult result) {
        List<String> secrets = finding.secrets();
        text.append(style(BOLD, place(Places.primary(finding)) + ":"))
                .append(' ')
                .append(style(levelColor(finding.level()), finding.level().sarifName()))
                .append(' ')
                .append(style(BOLD, finding.ruleId()))
                .append(' ')
                .append(SafeText.inline(redactor.clean(finding.message(), secrets)))
                .append('\n');
        if (finding.source().isPresent()) {
            // The snippet below is the template's line: say where it is.
            text.append("    ")
                    .append(style(DIM, "template:"))
                    .append(' ')
                    .append(place(new Location(finding.file(), finding.span(), "")))
                    .append('\n');
        }
        result.source(finding.file()).ifPresent(source -> appendSnippet(text, source, finding));
        CdkPlace.of(finding)
                .ifPresent(
                        cdk ->
                                text.append("    ")
                                        .append(style(DIM, cdk.label() + ":"))
                                        .append(' ')
                                        .append(SafeText.inline(cdk.name()))
                                        .append('\n'));
        for (Location related : finding.related()) {
            text.append("    ")
                    .append(style(DIM, "related:"))
                    .append(' ')
                    .append(place(related))
                    .append(": ")
                    .append(SafeText.inline(redactor.clean(related.message(), secrets)))
                    .append('\n');
        }
        finding.fix()
                .ifPresent(
                        fix ->
                                text.append("    ")
                                        .append(style(DIM, "fix:"))
                                        .append(' ')
                                        .append(
                                                SafeText.inline(
                                                        redactor.clean(fix.description(), secrets)))
                                        .append('\n'));
    }

    /** {@code path:line:column}, escaped. */
    private static String place(Location location) {
        return SafeText.inline(location.file())
                + ":"
                + location.span().startLine()
                + ":"
                + location.span().startColumn();
    }

    /**
     * The offending line, redacted and cut to a window around the finding, with carets under the
     * region.
     */
    private void appendSnippet(StringBuilder text, SourceFile source, Finding finding) {
        Span span = finding.span();
        if (span.startLine() < 1 || span.startLine() > source.lineCount()) {
            return;
        }
        // Redact the whole line first: a window cut before redaction could split a secret so that
        // it no longer matches.
        RedactedLine line = redactedLine(source, span.startLine(), finding.secrets());
        Redactor.Redaction redacted = line.redaction();
        String shown = redacted.text();
        int from =
                redacted.startOffset(Math.min(line.length(), Math.max(0, span.startColumn() - 1)));
        int to =
                span.endLine() == span.startLine()
                        ? redacted.endOffset(
                                Math.min(line.length(), Math.max(0, span.endColumn() - 1)))
                        : shown.length();

        int windowStart = 0;
        int windowEnd = shown.length();
        if (shown.length() > MAX_SNIPPET) {
            windowStart =
                    Math.max(0, Math.min(from - CONTEXT_BEFORE, shown.length() - MAX_SNIPPET));
            windowEnd = windowStart + MAX_SNIPPET;
        }
        String lead = windowStart > 0 ? "…" : "";
        // Escapes widen the text: the carets go under the escaped rendering of the region.
        SafeText.Mapped window = SafeText.mapped(shown.substring(windowStart, windowEnd));
        String visible = window.text();
        int caretFrom = window.offset(from - windowStart);
        int caretTo = window.offset(Math.min(to, windowEnd) - windowStart);

        String gutter = String.valueOf(span.startLine());
        text.append("  ")
                .append(style(DIM, gutter + " |"))
                .append(' ')
                .append(lead)
                .append(visible)
                .append(windowEnd < shown.length() ? "…" : "")
                .append('\n');
        text.append("  ")
                .append(style(DIM, " ".repeat(gutter.length()) + " |"))
                .append(' ')
                .append(" ".repeat(lead.length()))
                .append(padding(visible, caretFrom))
                .append(
                        style(
                                levelColor(finding.level()),
                                "^".repeat(carets(visible, caretFrom, caretTo))))
                .append('\n');
    }

    /** The last line redacted: the findings on one line mostly share its secrets' list. */
    private RedactedLine lastLine;

    /**
     * Line {@code line} of {@code source}: its length, and its text redacted of {@code secrets}.
     */
    private record RedactedLine(
            SourceFile source,
            int line,
            List<String> secrets,
            int length,
            Redactor.Redaction redaction) {}

    /**
     * Line {@code line} of {@code source} redacted, once for the findings in a row that show it
     * with the same list of secrets: a minified template is one long line with a finding per
     * function, and reading and redacting it for each would cost the line's length times the
     * findings.
     */
    private RedactedLine redactedLine(SourceFile source, int line, List<String> secrets) {
        RedactedLine last = lastLine;
        if (last == null
                || last.source() != source
                || last.line() != line
                || last.secrets() != secrets) {
            String original = source.line(line);
            last =
                    new RedactedLine(
                            source,
                            line,
                            secrets,
                            original.length(),
                            redactor.redact(original, secrets));
            lastLine = last;
        }
        return last;
    }

    /** Blanks as wide as the text before a column: tabs stay tabs so the carets line up. */
    private static String padding(String line, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < Math.min(column, line.length()); i++) {
            char c = line.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            pad.append(c == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }

    /** One caret per character of the region on this line, and at least one. */
    private static int carets(String line, int from, int to) {
        if (to <= from || from >= line.length()) {
            return 1;
        }
        return Math.max(1, line.codePointCount(from, Math.min(to, line.length())));
    }

    private String levelColor(Level level) {
        switch (level) {
            case ERROR:
                return BOLD + RED;
            case WARNING:
                return BOLD + YELLOW;
            default:
                return BOLD + CYAN;
        }
    }

    private String style(String ansi, String text) {
        return color ? ansi + text + RESET : text;
    }
}
