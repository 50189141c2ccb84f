package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ConfigNotice;
import dev.cfnsecrets.scan.ScanResult;
import java.util.List;

/**
 * The closing line of the text and GitHub reports and of the Maven plugin's log: what was scanned
 * and what was found.
 */
public final class Summary {
    private Summary() {}

    /**
     * E.g. {@code cfn-secrets: 3 files scanned, 1 skipped: 1 error, 0 warnings, 2 notes, 1
     * suppressed}.
     */
    public static String line(ScanResult result) {
        return ToolInfo.NAME
                + ": "
                + count(result.filesScanned(), "file")
                + " scanned, "
                + result.filesSkipped()
                + " skipped: "
                + count(result.count(Level.ERROR), "error")
                + ", "
                + count(result.count(Level.WARNING), "warning")
                + ", "
                + count(result.count(Level.NOTE), "note")
                + ", "
                + result.suppressedCount()
                + " suppressed";
    }

    /**
     * The lines before the summary line, one per setting that hides findings, e.g. {@code
     * cfn-secrets: configuration: rules CFS1 disabled: 3 findings not reported}.
     */
    public static List<String> configuration(ScanResult result) {
        return result.configNotices().stream().map(Summary::configuration).toList();
    }

    static String configuration(ConfigNotice notice) {
        return ToolInfo.NAME + ": configuration: " + notice.message();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
