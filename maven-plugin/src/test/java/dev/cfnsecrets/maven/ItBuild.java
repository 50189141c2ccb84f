package dev.cfnsecrets.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.report.SarifSchema;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one integration-test build (a project under {@code src/it}) left behind, read for its {@code
 * verify.groovy}: the findings the plugin logged and the SARIF reports, checked against the OASIS
 * SARIF 2.1.0 schema.
 */
public final class ItBuild {
    /**
     * {@code [ERROR] path:line:col CFSnnn message}, as {@link CheckMojo} logs a finding (-T adds no
     * prefix); a custom rule's id ({@code ACME002}) in place of {@code CFSnnn}.
     */
    private static final Pattern FINDING =
            Pattern.compile(
                    "(?m)^\\[(ERROR|WARNING|INFO)\\] (\\S+):(\\d+):(\\d+) ([A-Z][A-Z0-9_-]*[0-9]+) (.+)$");

    private static final Pattern TABLE_ROW = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>");

    private static final Pattern TABLE_CELL = Pattern.compile("(?s)<td>(.*?)</td>");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path basedir;
    private final String log;

    public ItBuild(File basedir) throws IOException {
        this.basedir = basedir.toPath();
        this.log = Files.readString(this.basedir.resolve("build.log"), StandardCharsets.UTF_8);
    }

    public String log() {
        return log;
    }

    public List<LoggedFinding> loggedFindings() {
        List<LoggedFinding> findings = new ArrayList<>();
        Matcher m = FINDING.matcher(log);
        while (m.find()) {
            findings.add(
                    new LoggedFinding(
                            m.group(1),
                            m.group(2),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            m.group(5),
                            m.group(6)));
        }
        return findings;
    }

    /** The results of a SARIF report under the project, after checking it against the schema. */
    public List<SarifResult> sarif(String path) throws IOException {
        Path file = basedir.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no SARIF report at " + file);
        }
        List<String> violations = SarifSchema.violations(file);
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    file + " is not valid SARIF 2.1.0:\n" + String.join("\n", violations));
        }
        List<SarifResult> results = new ArrayList<>();
        for (JsonNode run : JSON.readTree(file.toFile()).path("runs")) {
            for (JsonNode result : run.path("results")) {
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                results.add(
                        new SarifResult(
                                result.path("ruleId").asText(),
                                result.path("level").asText(),
                                physical.path("artifactLocation").path("uri").asText(),
                                physical.path("region").path("startLine").asInt()));
            }
        }
        return results;
    }

    /**
     * The findings table of the {@code report} goal's page under the project: one list of cells
     * (rule, file, line, level, message) per finding, as the page writes them (escaped).
     */
    public List<List<String>> reportRows(String path) throws IOException {
        Path file = basedir.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no report page at " + file + "\n" + log);
        }
        String html = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = TABLE_CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    /**
     * Fails when the build log or a file under the project's target directories holds the value: a
     * planted secret must reach no report unredacted.
     */
    public void assertNowhere(String secret) throws IOException {
        if (log.contains(secret)) {
            throw new AssertionError("build.log holds the secret " + secret.substring(0, 4) + "…");
        }
        try (var files = Files.walk(basedir)) {
            for (Path file :
                    files.filter(Files::isRegularFile).filter(this::inTargetDirectory).toList()) {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret)) {
                    throw new AssertionError(
                            file + " holds the secret " + secret.substring(0, 4) + "…");
                }
            }
        }
    }

    private boolean inTargetDirectory(Path file) {
        for (Path name : basedir.relativize(file)) {
            if (name.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    /** A finding as the Maven log shows it. */
    public record LoggedFinding(
            String level, String path, int line, int column, String ruleId, String message) {}

    /** A SARIF result: rule, level and where its first location points. */
    public record SarifResult(String ruleId, String level, String uri, int startLine) {}
}
