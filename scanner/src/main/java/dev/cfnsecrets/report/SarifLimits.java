package dev.cfnsecrets.report;

import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import dev.cfnsecrets.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a SARIF run may hold for GitHub code scanning to take it
 * (docs/facts.md#github-code-scanning), and a warning notification for each cut: the text and JSON
 * formats list everything.
 */
final class SarifLimits {
    /** Code scanning rejects a run with more results than this. */
    static final int MAX_RESULTS = 25_000;

    /**
     * Code scanning keeps this many related locations of a result (and rejects more than 1,000):
     * the message links to each one it keeps.
     */
    static final int MAX_RELATED = 100;

    private final List<Finding> kept;
    private final List<Notification> notifications = new ArrayList<>();

    SarifLimits(List<Finding> findings) {
        kept = keep(findings);
        long manyRelated =
                kept.stream().filter(f -> Places.related(f).size() > MAX_RELATED).count();
        if (manyRelated > 0) {
            notifications.add(
                    warning(
                            "related-locations-capped",
                            manyRelated
                                    + (manyRelated == 1 ? " result lists" : " results list")
                                    + " only its first "
                                    + MAX_RELATED
                                    + " related locations: GitHub code scanning keeps no more."
                                    + " The text or JSON report lists them all."));
        }
    }

    /** The findings to report, in their order. */
    List<Finding> kept() {
        return kept;
    }

    /** One warning per cut, for the invocation's {@code toolExecutionNotifications}. */
    List<Notification> notifications() {
        return notifications;
    }

    /**
     * No more than code scanning accepts: over {@link #MAX_RESULTS}, the unsuppressed findings of
     * the highest level and severity are kept.
     */
    private List<Finding> keep(List<Finding> findings) {
        if (findings.size() <= MAX_RESULTS) {
            return findings;
        }
        Set<Finding> keep =
                new HashSet<>(
                        findings.stream()
                                .sorted(
                                        Comparator.comparing(Finding::isSuppressed)
                                                .thenComparing(
                                                        Finding::level, Comparator.reverseOrder())
                                                .thenComparing(
                                                        f -> f.securitySeverity().orElse(0.0),
                                                        Comparator.reverseOrder()))
                                .limit(MAX_RESULTS)
                                .toList());
        notifications.add(
                warning(
                        "results-capped",
                        (findings.size() - MAX_RESULTS)
                                + " of "
                                + findings.size()
                                + " findings are left out of this report: GitHub code scanning"
                                + " rejects a run with more than "
                                + MAX_RESULTS
                                + " results. The text or JSON report lists them all."));
        return findings.stream().filter(keep::contains).toList();
    }

    private static Notification warning(String id, String text) {
        return new Notification()
                .withLevel(Notification.Level.WARNING)
                .withDescriptor(new ReportingDescriptorReference().withId(id))
                .withMessage(new Message().withText(text));
    }
}
