package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Markdown summary for a page that renders GitHub-flavoured Markdown, such as a GitHub Actions
 * job summary ({@code GITHUB_STEP_SUMMARY}) or a pull request comment: a heading, the summary line,
 * one list item per setting of the configuration that hides findings, and a table with one row per
 * unsuppressed finding (level, rule, file, line, message). Suppressed findings are only counted.
 *
 * <p>File names, messages and rule names may come from a stranger's template or configuration, so
 * every text the report did not write itself is first made one safe line ({@link SafeText#inline})
 * and then has every character that Markdown, GitHub's extensions or HTML read as syntax written as
 * a numeric character reference ({@link #text}), which Markdown shows as the character and never
 * reads as syntax: no table cell can be split, and no link, image, HTML, code span, emphasis or
 * autolink can be made.
 *
 * <p>GitHub takes at most 1 MiB of summary from one step and drops the whole summary when a step
 * writes more ({@code docs/facts.md#github-actions-annotations-and-job-summaries}). The report
 * stays within {@link #GITHUB_SUMMARY_BUDGET}: rows that do not fit are left out, and a line says
 * how many.
 */
public final class MarkdownReporter implements Reporter {
    /**
     * GitHub's limit on one step's summary (1 MiB), less room for what the GitHub Action writes
     * around this report (its configuration and SARIF lines).
     */
    static final int GITHUB_SUMMARY_BUDGET = 1024 * 1024 - 32 * 1024;

    /** Room kept for the line that says how many rows were left out. */
    private static final int LEFT_OUT_LINE = 512;

    /**
     * Characters with a meaning in inline Markdown (escapes, code spans, emphasis, links and images
     * start with these), GitHub's extensions (table cells, strikethrough, autolinks after a
     * scheme's ':' or in an e-mail address, emoji, math) or HTML (tags, entities). '(' and ')' make
     * a link only after a ']', so they stay as they are.
     */
    private static final String SYNTAX = "\\`*_~[]!<>&|#$:@";

    private static final String HEADER =
            "| Level | Rule | File | Line | Message |\n| --- | --- | --- | ---: | --- |\n";

    private final Redactor redactor;
    private final int budget;

    public MarkdownReporter(Redactor redactor) {
        this(redactor, GITHUB_SUMMARY_BUDGET);
    }

    /**
     * @param budget the most bytes (UTF-8) the report may take
     */
    MarkdownReporter(Redactor redactor, int budget) {
        this.redactor = redactor;
        this.budget = budget;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        StringBuilder report = new StringBuilder("### ").append(ToolInfo.NAME).append("\n\n");
        report.append(Summary.line(result)).append("\n\n");
        List<String> configuration =
                result.configNotices().stream().map(n -> text(n.message())).toList();
        for (String notice : configuration) {
            report.append("- Configuration: ").append(notice).append('\n');
        }
        if (!configuration.isEmpty()) {
            report.append('\n');
        }
        List<Finding> shown = result.findings().stream().filter(f -> !f.isSuppressed()).toList();
        if (!shown.isEmpty()) {
            report.append(HEADER);
        }
        int bytes = utf8Length(report);
        int rows = 0;
        for (Finding finding : shown) {
            String row = row(finding, result);
            int length = utf8Length(row);
            if (bytes + length + LEFT_OUT_LINE > budget) {
                break;
            }
            report.append(row);
            bytes += length;
            rows++;
        }
        if (rows < shown.size()) {
            int left = shown.size() - rows;
            report.append('\n')
                    .append(left)
                    .append(left == 1 ? " more finding is" : " more findings are")
                    .append(" not in this table, which stays within the 1 MiB GitHub takes of a")
                    .append(" step's summary; every finding is in the scan's other reports")
                    .append(" (SARIF, JSON, text).\n");
        }
        SafeWriter safe = SafeWriter.of(out, false);
        safe.write(report.toString());
        safe.finish();
    }

    private String row(Finding finding, ScanResult result) {
        return "| "
                + finding.level().sarifName()
                + " | "
                + text(RuleTitle.of(finding, result))
                + " | "
                + text(finding.repositoryFile())
                + " | "
                + finding.span().startLine()
                + " | "
                + text(redactor.clean(finding.message(), finding.secrets()))
                + " |\n";
    }

    /**
     * {@code value} as literal text of one table cell: {@link SafeText#inline}, then each character
     * of {@link #SYNTAX}, and the '.' of {@code www.} (which GitHub makes a link), as a numeric
     * character reference ({@code |} as {@code &#124;}).
     */
    static String text(String value) {
        String line = SafeText.inline(value);
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SYNTAX.indexOf(c) >= 0
                    || c == '.' && line.regionMatches(true, Math.max(0, i - 3), "www", 0, 3)) {
                out.append("&#").append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
