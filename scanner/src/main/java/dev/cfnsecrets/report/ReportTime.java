package dev.cfnsecrets.report;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time a report is written, as JUnit XML and GitLab's SAST report want it: UTC without a zone,
 * to the second ({@code 2026-05-04T03:02:01}).
 */
final class ReportTime {
    private ReportTime() {}

    static String now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
