package dev.cfnsecrets.scan;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a reporter needs: the findings in file order, the scanned sources (for snippets),
 * counts for the summary, the catalog for rule metadata, and what the configuration hid ({@link
 * ConfigNotice}, in the order of the configuration), and why values under secret names were judged
 * not secrets ({@code notSecrets}, one line each without the value, for {@code --verbose}).
 */
public record ScanResult(
        List<Finding> findings,
        Map<String, SourceFile> sources,
        int filesScanned,
        int filesSkipped,
        Catalog catalog,
        List<ConfigNotice> configNotices,
        List<String> notSecrets) {

    public ScanResult {
        findings = List.copyOf(findings);
        sources = Map.copyOf(sources);
        configNotices = List.copyOf(configNotices);
        notSecrets = List.copyOf(notSecrets);
    }

    /** A result of a scan with the default configuration: nothing hidden. */
    public ScanResult(
            List<Finding> findings,
            Map<String, SourceFile> sources,
            int filesScanned,
            int filesSkipped,
            Catalog catalog) {
        this(findings, sources, filesScanned, filesSkipped, catalog, List.of(), List.of());
    }

    public Optional<SourceFile> source(String path) {
        return Optional.ofNullable(sources.get(path));
    }

    /** Unsuppressed findings at or above a level: these decide the exit status. */
    public long countAtOrAbove(Level level) {
        return findings.stream()
                .filter(f -> !f.isSuppressed() && f.level().compareTo(level) >= 0)
                .count();
    }

    public long count(Level level) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.level() == level).count();
    }

    public long suppressedCount() {
        return findings.stream().filter(Finding::isSuppressed).count();
    }
}
