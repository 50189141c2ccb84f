package dev.cfnsecrets.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Results carry no source snippet:
 * the region is enough for a viewer, and a snippet would copy the secret into the report.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    /** How live mode's display paths start (see {@code dev.cfnsecrets.live}). */
    static final String LIVE_SCHEME = "aws:";

    /**
     * Version of our partial fingerprint: bump when {@link Finding#fingerprint()} changes meaning.
     */
    static final String FINGERPRINT_KEY = "cfnSecrets/v1";

    /**
     * java-sarif leaves out every value equal to its schema default, so a "warning" level would
     * vanish; a consumer would then take the rule's default level, which a configured override may
     * have changed. Levels are therefore always written.
     */
    private static final ObjectMapper MAPPER =
            Json.newMapper()
                    .addMixIn(Result.class, AlwaysWriteResultLevel.class)
                    .addMixIn(ReportingConfiguration.class, AlwaysWriteConfigurationLevel.class);

    private final Redactor redactor;

    public SarifReporter(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new HashMap<>();
        Set<ReportingDescriptor> rules = rules(result, ruleIndex);
        List<Result> results = new ArrayList<>();
        for (Finding finding : result.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId())));
        }
        ToolComponent driver =
                new ToolComponent()
                        .withName(ToolInfo.NAME)
                        .withVersion(ToolInfo.version())
                        .withInformationUri(URI.create(ToolInfo.INFORMATION_URI))
                        .withRules(rules);
        Run run =
                new Run()
                        .withTool(new Tool().withDriver(driver))
                        .withOriginalUriBaseIds(
                                new OriginalUriBaseIds()
                                        .withAdditionalProperty(
                                                SRCROOT,
                                                new ArtifactLocation()
                                                        .withUri(workingDirectoryUri())))
                        .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                        .withInvocations(List.of(invocation(result)))
                        .withResults(results);
        SarifSchema210 log =
                new SarifSchema210()
                        .with$schema(URI.create(SCHEMA_URI))
                        .withVersion(SarifSchema210.Version._2_1_0)
                        .withRuns(List.of(run));
        Json.write(MAPPER, log, out);
    }

    /**
     * The run's one invocation, with a {@code toolConfigurationNotifications} entry per setting
     * that hides findings: its descriptor id is the kind, its properties the setting and the count.
     */
    private static Invocation invocation(ScanResult result) {
        List<Notification> notifications =
                result.configNotices().stream()
                        .map(
                                n ->
                                        new Notification()
                                                .withLevel(Notification.Level.WARNING)
                                                .withDescriptor(
                                                        new ReportingDescriptorReference()
                                                                .withId(n.kind().id()))
                                                .withMessage(new Message().withText(n.message()))
                                                .withProperties(
                                                        new PropertyBag()
                                                                .withAdditionalProperty(
                                                                        "setting", n.setting())
                                                                .withAdditionalProperty(
                                                                        "count", n.count())))
                        .toList();
        return new Invocation()
                .withExecutionSuccessful(true)
                .withToolConfigurationNotifications(notifications);
    }

    /** The whole catalog in catalog order, then any rule a finding names that the catalog lacks. */
    private static Set<ReportingDescriptor> rules(
            ScanResult result, Map<String, Integer> ruleIndex) {
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        for (RuleDescription rule : result.catalog().all()) {
            ruleIndex.put(rule.id(), rules.size());
            rules.add(descriptor(rule));
        }
        for (Finding finding : result.findings()) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), rules.size());
                rules.add(
                        new ReportingDescriptor()
                                .withId(finding.ruleId())
                                .withDefaultConfiguration(
                                        new ReportingConfiguration()
                                                .withLevel(configurationLevel(finding.level())))
                                .withProperties(
                                        new PropertyBag()
                                                .withTags(
                                                        new LinkedHashSet<>(List.of("security")))));
            }
        }
        return rules;
    }

    private static ReportingDescriptor descriptor(RuleDescription rule) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        for (String cwe : rule.cwe()) {
            String number = cwe.replaceAll("\\D", "");
            if (!number.isEmpty()) {
                tags.add("external/cwe/cwe-" + Integer.parseInt(number));
            }
        }
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.name())
                .withShortDescription(new MultiformatMessageString().withText(rule.summary()))
                .withFullDescription(new MultiformatMessageString().withText(rule.whyItMatters()))
                .withHelp(
                        new MultiformatMessageString()
                                .withText(rule.helpText())
                                .withMarkdown(rule.helpMarkdown()))
                // A custom rule has no page of ours on the web: its help is all there is.
                .withHelpUri(rule.isCustom() ? null : URI.create(ToolInfo.helpUri(rule.id())))
                .withDefaultConfiguration(
                        new ReportingConfiguration().withLevel(configurationLevel(rule.level())))
                .withProperties(
                        new PropertyBag()
                                .withTags(tags)
                                .withAdditionalProperty(
                                        "security-severity", severity(rule.securitySeverity())));
    }

    private Result result(Finding finding, int ruleIndex) {
        List<String> secrets = finding.secrets();
        Result result =
                new Result()
                        .withRuleId(finding.ruleId())
                        .withRuleIndex(ruleIndex)
                        .withLevel(Result.Level.fromValue(finding.level().sarifName()))
                        .withMessage(
                                new Message().withText(redactor.clean(finding.message(), secrets)))
                        .withLocations(
                                List.of(
                                        new com.contrastsecurity.sarif.Location()
                                                .withPhysicalLocation(
                                                        physical(finding.file(), finding.span()))
                                                .withLogicalLocations(logical(finding))))
                        .withPartialFingerprints(
                                new PartialFingerprints()
                                        .withAdditionalProperty(
                                                FINGERPRINT_KEY, finding.fingerprint()));
        if (!finding.related().isEmpty()) {
            Set<com.contrastsecurity.sarif.Location> related = new LinkedHashSet<>();
            int id = 1;
            for (Location location : finding.related()) {
                related.add(
                        new com.contrastsecurity.sarif.Location()
                                .withId(id++)
                                .withPhysicalLocation(physical(location.file(), location.span()))
                                .withMessage(
                                        new Message()
                                                .withText(
                                                        redactor.clean(
                                                                location.message(), secrets))));
            }
            result.withRelatedLocations(related);
        }
        finding.fix()
                .ifPresent(
                        fix -> result.withFixes(new LinkedHashSet<>(List.of(fix(finding, fix)))));
        finding.suppression()
                .ifPresent(
                        s ->
                                result.withSuppressions(
                                        new LinkedHashSet<>(
                                                List.of(
                                                        new com.contrastsecurity.sarif.Suppression()
                                                                .withKind(
                                                                        s.kind()
                                                                                        == Suppression
                                                                                                .Kind
                                                                                                .IN_SOURCE
                                                                                ? com
                                                                                        .contrastsecurity
                                                                                        .sarif
                                                                                        .Suppression
                                                                                        .Kind
                                                                                        .IN_SOURCE
                                                                                : com
                                                                                        .contrastsecurity
                                                                                        .sarif
                                                                                        .Suppression
                                                                                        .Kind
                                                                                        .EXTERNAL)
                                                                .withStatus(
                                                                        com.contrastsecurity.sarif
                                                                                .Suppression.Status
                                                                                .ACCEPTED)
                                                                .withJustification(
                                                                        redactor.clean(
                                                                                s.justification(),
                                                                                secrets))))));
        finding.securitySeverity()
                .ifPresent(
                        severity ->
                                result.withProperties(
                                        new PropertyBag()
                                                .withAdditionalProperty(
                                                        "security-severity", severity(severity))));
        return result;
    }

    private static Set<LogicalLocation> logical(Finding finding) {
        Set<LogicalLocation> logical = new LinkedHashSet<>();
        if (finding.logicalId() != null) {
            logical.add(
                    new LogicalLocation()
                            .withName(finding.logicalId())
                            .withFullyQualifiedName(
                                    finding.propertyPath() == null
                                                    || finding.propertyPath().isEmpty()
                                            ? finding.logicalId()
                                            : finding.propertyPath())
                            .withKind("resource"));
        }
        if (finding.cdkPath() != null) {
            logical.add(
                    new LogicalLocation()
                            .withName(finding.cdkPath())
                            .withFullyQualifiedName(finding.cdkPath())
                            .withKind("module"));
        }
        return logical.isEmpty() ? null : logical;
    }

    private com.contrastsecurity.sarif.Fix fix(Finding finding, Fix fix) {
        List<Replacement> replacements = new ArrayList<>();
        for (Fix.Replacement r : fix.replacements()) {
            replacements.add(
                    new Replacement()
                            .withDeletedRegion(region(r.deleted()))
                            .withInsertedContent(
                                    new ArtifactContent()
                                            .withText(
                                                    redactor.clean(
                                                            r.inserted(), finding.secrets()))));
        }
        return new com.contrastsecurity.sarif.Fix()
                .withDescription(
                        new Message()
                                .withText(redactor.clean(fix.description(), finding.secrets())))
                .withArtifactChanges(
                        new LinkedHashSet<>(
                                List.of(
                                        new ArtifactChange()
                                                .withArtifactLocation(artifact(finding.file()))
                                                .withReplacements(replacements))));
    }

    private static PhysicalLocation physical(String file, Span span) {
        return new PhysicalLocation().withArtifactLocation(artifact(file)).withRegion(region(span));
    }

    /**
     * Relative paths are relative to the working directory, i.e. {@code %SRCROOT%}. Live mode's
     * display paths ({@code aws:cloudformation:REGION:STACK}, {@code aws:iam:ACCOUNT}) are absolute
     * URIs already: stack names, Regions and account ids hold only letters, digits and '-'.
     */
    static ArtifactLocation artifact(String file) {
        if (file.startsWith(LIVE_SCHEME)) {
            return new ArtifactLocation().withUri(file);
        }
        String portable = file.replace('\\', '/');
        if (isAbsolute(portable)) {
            return new ArtifactLocation().withUri(Path.of(file).toUri().toASCIIString());
        }
        return new ArtifactLocation().withUri(encodePath(portable)).withUriBaseId(SRCROOT);
    }

    private static boolean isAbsolute(String portablePath) {
        return portablePath.startsWith("/") || portablePath.matches("^[A-Za-z]:/.*");
    }

    /**
     * Percent-encodes a relative path as a URI reference, segment by segment: a name may hold
     * spaces, '%', '#', '?' or a ':' that would otherwise read as a URI scheme.
     */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || isUnreserved(c) || "!$&'()*+,;=@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~".indexOf(c) >= 0;
    }

    private static Region region(Span span) {
        int startLine = Math.max(1, span.startLine());
        int startColumn = Math.max(1, span.startColumn());
        // A span never runs backwards in a valid document; clamp so that a bad one still yields a
        // valid region.
        boolean sameLine = span.endLine() <= startLine;
        int endLine = Math.max(startLine, span.endLine());
        int endColumn =
                sameLine ? Math.max(startColumn, span.endColumn()) : Math.max(1, span.endColumn());
        return new Region()
                .withStartLine(startLine)
                .withStartColumn(startColumn)
                .withEndLine(endLine)
                .withEndColumn(endColumn);
    }

    /**
     * The working directory as a file URI ending in '/', as {@code originalUriBaseIds} requires.
     */
    private static String workingDirectoryUri() {
        String uri = Path.of("").toAbsolutePath().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static ReportingConfiguration.Level configurationLevel(Level level) {
        return ReportingConfiguration.Level.fromValue(level.sarifName());
    }

    abstract static class AlwaysWriteResultLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Result.Level getLevel();
    }

    abstract static class AlwaysWriteConfigurationLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract ReportingConfiguration.Level getLevel();
    }

    /** GitHub reads {@code security-severity} as a string holding a number from 0.0 to 10.0. */
    static String severity(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
