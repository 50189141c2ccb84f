package dev.cfnsecrets.maven;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.Redactor;
import dev.cfnsecrets.report.SafeText;
import dev.cfnsecrets.report.Summary;
import dev.cfnsecrets.scan.ScanResult;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;

/**
 * The {@code report} goal's page: the summary, the settings that hid findings, and a table of the
 * unsuppressed findings (rule, file, line, level, message), secrets redacted. Every piece of text
 * goes through {@link Sink#text}, which escapes it for the page's markup: file names and messages
 * come from the scanned project.
 */
final class FindingsPage {
    static final String TITLE = "cfn-secrets";

    private static final List<String> COLUMNS = List.of("Rule", "File", "Line", "Level", "Message");

    private final Sink sink;
    private final Redactor redactor = new Redactor(false);

    FindingsPage(Sink sink) {
        this.sink = sink;
    }

    void render(ScanResult result) {
        sink.head();
        sink.title();
        sink.text(TITLE);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(TITLE);
        sink.sectionTitle1_();
        paragraph(Summary.line(result));
        List<String> notices = Summary.configuration(result);
        if (!notices.isEmpty()) {
            sink.list();
            for (String notice : notices) {
                sink.listItem();
                sink.text(SafeText.line(notice));
                sink.listItem_();
            }
            sink.list_();
        }
        List<Finding> shown = result.findings().stream().filter(f -> !f.isSuppressed()).toList();
        if (shown.isEmpty()) {
            paragraph("No finding to show.");
        } else {
            table(shown);
        }
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private void table(List<Finding> findings) {
        sink.table();
        sink.tableRows();
        sink.tableRow();
        for (String column : COLUMNS) {
            sink.tableHeaderCell();
            sink.text(column);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (Finding finding : findings) {
            sink.tableRow();
            cell(finding.ruleId());
            cell(finding.repositoryFile());
            cell(String.valueOf(finding.span().startLine()));
            cell(finding.level().name().toLowerCase(Locale.ROOT));
            cell(redactor.clean(finding.message(), finding.secrets()));
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }

    private void cell(String text) {
        sink.tableCell();
        sink.text(SafeText.line(text));
        sink.tableCell_();
    }

    private void paragraph(String text) {
        sink.paragraph();
        sink.text(SafeText.line(text));
        sink.paragraph_();
    }
}
