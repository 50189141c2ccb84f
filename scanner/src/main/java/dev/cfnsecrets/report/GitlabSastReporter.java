package dev.cfnsecrets.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * GitLab's SAST report ({@code gl-sast-report.json}, read by {@code artifacts:reports:sast}), of
 * schema version {@value #SCHEMA_VERSION}: one vulnerability per unsuppressed finding, with
 *
 * <ul>
 *   <li>{@code id}: a UUID derived from the finding's fingerprint (the same finding keeps its id
 *       from scan to scan);
 *   <li>{@code name}: the rule's summary; {@code description}: the finding's (redacted) message;
 *       {@code solution}: the finding's fix, where it has one;
 *   <li>{@code severity}: from the security severity (the finding's, else the rule's): 9.0 and up
 *       Critical, 7.0 High, 4.0 Medium, above 0 Low; a correctness rule, which has none, by its
 *       level: error Medium, warning Low, note Info;
 *   <li>{@code identifiers}: the rule id first (GitLab's primary identifier), then the rule's CWEs;
 *   <li>{@code location}: file, start and end line.
 * </ul>
 *
 * Suppressed findings are left out; what the configuration hid is a {@code warn} message of the
 * scan. The scan's {@code start_time} and {@code end_time} are both the time the report is written:
 * no duration is recorded. Schema 15 has no {@code cve} field, so none is written.
 */
public final class GitlabSastReporter implements Reporter {
    static final String SCHEMA_VERSION = "15.0.7";
    static final String SCHEMA_URI =
            "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v"
                    + SCHEMA_VERSION
                    + "/dist/sast-report-format.json";

    private static final ObjectMapper MAPPER = Json.newMapper();

    private final Redactor redactor;
    private final Clock clock;

    public GitlabSastReporter(Redactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        String now = ReportTime.now(clock);
        Tool tool =
                new Tool(
                        ToolInfo.NAME,
                        ToolInfo.NAME,
                        ToolInfo.INFORMATION_URI,
                        new Vendor(ToolInfo.NAME),
                        ToolInfo.version());
        List<Message> messages =
                result.configNotices().stream().map(n -> new Message("warn", n.message())).toList();
        Scan scan = new Scan(tool, tool, "sast", "success", now, now, messages);
        Map<String, Integer> seen = new HashMap<>();
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (Finding finding : result.findings()) {
            if (!finding.isSuppressed()) {
                vulnerabilities.add(vulnerability(finding, result, seen));
            }
        }
        Json.write(MAPPER, new Report(SCHEMA_URI, SCHEMA_VERSION, scan, vulnerabilities), out);
    }

    private Vulnerability vulnerability(
            Finding finding, ScanResult result, Map<String, Integer> seen) {
        Optional<RuleDescription> rule = result.catalog().find(finding.ruleId());
        List<Identifier> identifiers = new ArrayList<>();
        identifiers.add(
                new Identifier(
                        "cfn_secrets_rule_id",
                        finding.ruleId() + rule.map(r -> " " + r.name()).orElse(""),
                        finding.ruleId(),
                        rule.filter(r -> !r.isCustom())
                                .map(r -> ToolInfo.helpUri(r.id()))
                                .orElse(null)));
        rule.ifPresent(r -> r.cwe().forEach(cwe -> cweIdentifier(cwe).ifPresent(identifiers::add)));
        String name = rule.map(RuleDescription::summary).orElse(finding.ruleId());
        return new Vulnerability(
                id(finding, seen),
                name.length() > 255 ? name.substring(0, 254) + "…" : name,
                redactor.clean(finding.message(), finding.secrets()),
                severity(finding, rule),
                finding.fix()
                        .map(Fix::description)
                        .map(d -> redactor.clean(d, finding.secrets()))
                        .orElse(null),
                identifiers,
                new GitlabLocation(
                        finding.repositoryFile(),
                        finding.span().startLine(),
                        Math.max(finding.span().startLine(), finding.span().endLine())));
    }

    /**
     * The fingerprint's UUID; a second finding with the same fingerprint in one report (the same
     * value twice under one property) gets its own, derived from its rank.
     */
    private static String id(Finding finding, Map<String, Integer> seen) {
        int rank = seen.merge(finding.fingerprint(), 1, Integer::sum);
        String key = rank == 1 ? finding.fingerprint() : finding.fingerprint() + "#" + rank;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String severity(Finding finding, Optional<RuleDescription> rule) {
        Optional<Double> score =
                finding.securitySeverity()
                        .or(() -> rule.flatMap(RuleDescription::securitySeverity));
        if (score.isPresent()) {
            double s = score.get();
            return s >= 9.0 ? "Critical" : s >= 7.0 ? "High" : s >= 4.0 ? "Medium" : "Low";
        }
        Level level = finding.level();
        return level == Level.ERROR ? "Medium" : level == Level.WARNING ? "Low" : "Info";
    }

    /** {@code CWE-798} → a {@code cwe} identifier with value {@code 798}. */
    private static Optional<Identifier> cweIdentifier(String cwe) {
        String number = cwe.replaceAll("\\D", "");
        if (number.isEmpty()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        return Optional.of(
                new Identifier(
                        "cwe",
                        "CWE-" + n,
                        Integer.toString(n),
                        "https://cwe.mitre.org/data/definitions/" + n + ".html"));
    }

    // Jackson writes record components in declaration order; null components are left out.

    record Report(String schema, String version, Scan scan, List<Vulnerability> vulnerabilities) {}

    record Scan(
            Tool analyzer,
            Tool scanner,
            String type,
            String status,
            @JsonProperty("start_time") String startTime,
            @JsonProperty("end_time") String endTime,
            List<Message> messages) {}

    record Tool(String id, String name, String url, Vendor vendor, String version) {}

    record Vendor(String name) {}

    record Message(String level, String value) {}

    record Vulnerability(
            String id,
            String name,
            String description,
            String severity,
            String solution,
            List<Identifier> identifiers,
            GitlabLocation location) {}

    record Identifier(String type, String name, String value, String url) {}

    record GitlabLocation(
            String file,
            @JsonProperty("start_line") int startLine,
            @JsonProperty("end_line") int endLine) {}
}
