package dev.cfnsecrets.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cfnsecrets.config.Baseline;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Suppression;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the baseline file that {@link Baseline} reads: one entry per accepted finding, for a
 * reviewer to read in a pull request, sorted by file, line and rule so that re-writing it after an
 * unrelated change diffs only what changed. Messages are redacted as in every report; the JSON is
 * written with the reports' escapes, so no template text can hide in it (bidirectional controls,
 * runner commands).
 */
public final class BaselineWriter {
    private static final Redactor REDACTOR = new Redactor(false);

    private BaselineWriter() {}

    /**
     * One accepted finding: what a reviewer reads (the file relative to the repository root, no
     * line: an edit above a finding does not change its entry) and the fingerprint a scan matches.
     */
    @JsonPropertyOrder({"rule", "file", "logicalId", "propertyPath", "message", "fingerprint"})
    record Entry(
            String rule,
            String file,
            String logicalId,
            String propertyPath,
            String message,
            String fingerprint) {}

    @JsonPropertyOrder({"version", "findings"})
    record File(int version, List<Entry> findings) {}

    /**
     * Records every finding not already silenced in its template, including those an old baseline
     * silenced, so that re-writing a baseline keeps what it accepted before; one entry per
     * fingerprint.
     *
     * @return the number of entries written
     */
    public static int write(List<Finding> findings, Writer out) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        findings.stream()
                .filter(
                        f ->
                                f.suppression()
                                        .map(s -> s.kind() != Suppression.Kind.IN_SOURCE)
                                        .orElse(true))
                .sorted(
                        Comparator.comparing(Finding::repositoryFile)
                                .thenComparingInt(f -> f.span().startLine())
                                .thenComparing(Finding::ruleId))
                .forEach(f -> entries.putIfAbsent(f.fingerprint(), entry(f)));
        Json.write(
                Json.newMapper(), new File(Baseline.VERSION, List.copyOf(entries.values())), out);
        return entries.size();
    }

    private static Entry entry(Finding f) {
        return new Entry(
                f.ruleId(),
                f.repositoryFile(),
                f.logicalId(),
                f.propertyPath() == null || f.propertyPath().isEmpty() ? null : f.propertyPath(),
                REDACTOR.clean(f.message(), f.secrets()),
                f.fingerprint());
    }
}
