package dev.cfnsecrets.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
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
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, within what code scanning documents
 * that it reads and accepts (docs/facts.md#github-code-scanning). Results carry no source snippet:
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
     * have changed. Levels are therefore always written (a notification's too, for the reader).
     */
    private static final ObjectMapper MAPPER =
            Json.newMapper()
                    .addMixIn(Result.class, AlwaysWriteResultLevel.class)
                    .addMixIn(ReportingConfiguration.class, AlwaysWriteConfigurationLevel.class)
                    .addMixIn(Notification.class, AlwaysWriteNotificationLevel.class);

    /**
     * Code scanning's {@code runAutomationDetails.id} is "category/run-id": ours names the category
     * and no run, so that each upload replaces the previous analysis of the same category.
     */
    static final String AUTOMATION_ID = ToolInfo.NAME + "/";

    private static final String SEMVER =
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?";

    private final Redactor redactor;
    private final SarifContext context;

    public SarifReporter(Redactor redactor, SarifContext context) {
        this.redactor = redactor;
        this.context = context;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new HashMap<>();
        Set<ReportingDescriptor> rules = rules(result, ruleIndex);
        SarifLimits limits = new SarifLimits(result.findings());
        List<Result> results = new ArrayList<>();
        for (Finding finding : limits.kept()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId())));
        }
        ToolComponent driver =
                new ToolComponent()
                        .withName(ToolInfo.NAME)
                        .withVersion(ToolInfo.version())
                        .withInformationUri(URI.create(ToolInfo.INFORMATION_URI))
                        .withRules(rules);
        if (ToolInfo.version().matches(SEMVER)) {
            driver.withSemanticVersion(ToolInfo.version());
        }
        Run run =
                new Run()
                        .withTool(new Tool().withDriver(driver))
                        .withAutomationDetails(new RunAutomationDetails().withId(AUTOMATION_ID))
                        .withOriginalUriBaseIds(
                                new OriginalUriBaseIds()
                                        .withAdditionalProperty(
                                                SRCROOT,
                                                new ArtifactLocation()
                                                        .withUri(
                                                                directoryUri(
                                                                        context.sourceRoot()))))
                        .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                        .withInvocations(List.of(invocation(result, limits.notifications())))
                        .withResults(results);
        SarifSchema210 log =
                new SarifSchema210()
                        .with$schema(URI.create(SCHEMA_URI))
                        .withVersion(SarifSchema210.Version._2_1_0)
                        .withRuns(List.of(run));
        Json.write(MAPPER, log, out);
    }

    /**
     * The run's one invocation: the exit status, a {@code toolExecutionNotifications} entry for
     * what the report had to leave out, and a {@code toolConfigurationNotifications} entry per
     * setting that hides findings (its descriptor id is the kind, its properties the setting and
     * the count).
     */
    private Invocation invocation(ScanResult result, List<Notification> capped) {
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
        Invocation invocation =
                new Invocation()
                        .withExecutionSuccessful(true)
                        .withToolExecutionNotifications(capped)
                        .withToolConfigurationNotifications(notifications);
        context.exitCode().ifPresent(invocation::withExitCode);
        return invocation;
    }

    /** The whole catalog in catalog order, then any rule a finding names that the catalog lacks. */
    private static Set<ReportingDescriptor> rules(
            ScanResult result, Map<String, Integer> ruleIndex) {
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        for (RuleDescription rule : result.catalog().all()) {
            ruleIndex.put(rule.id(), rules.size());
            rules.add(SarifRules.descriptor(rule));
        }
        for (Finding finding : result.findings()) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), rules.size());
                rules.add(SarifRules.unknown(finding.ruleId(), finding.level()));
            }
        }
        return rules;
    }

    private Result result(Finding finding, int ruleIndex) {
        List<String> secrets = finding.secrets();
        List<Location> all = Places.related(finding);
        List<Location> related = all.subList(0, Math.min(all.size(), SarifLimits.MAX_RELATED));
        List<String> linkTexts = new ArrayList<>();
        Set<com.contrastsecurity.sarif.Location> relatedLocations = new LinkedHashSet<>();
        for (Location location : related) {
            String text = redactor.clean(location.message(), secrets);
            linkTexts.add(text);
            relatedLocations.add(
                    new com.contrastsecurity.sarif.Location()
                            .withId(relatedLocations.size() + 1)
                            .withPhysicalLocation(physical(location.file(), location.span()))
                            .withMessage(new Message().withText(text)));
        }
        String message =
                SarifMessage.withLinks(redactor.clean(finding.message(), secrets), linkTexts);
        Result result =
                new Result()
                        .withRuleId(finding.ruleId())
                        .withRuleIndex(ruleIndex)
                        .withLevel(Result.Level.fromValue(finding.level().sarifName()))
                        .withMessage(new Message().withText(message))
                        .withLocations(
                                List.of(
                                        new com.contrastsecurity.sarif.Location()
                                                .withPhysicalLocation(
                                                        physical(
                                                                Places.primary(finding).file(),
                                                                Places.primary(finding).span()))
                                                .withLogicalLocations(logical(finding))))
                        .withPartialFingerprints(
                                new PartialFingerprints()
                                        .withAdditionalProperty(
                                                FINGERPRINT_KEY, finding.fingerprint()));
        if (!relatedLocations.isEmpty()) {
            result.withRelatedLocations(relatedLocations);
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
                                                        "security-severity",
                                                        SarifRules.severity(severity))));
        return result;
    }

    private static Set<LogicalLocation> logical(Finding finding) {
        Set<LogicalLocation> logical = new LinkedHashSet<>();
        if (finding.logicalId() != null) {
            logical.add(
                    logicalLocation(
                            finding.logicalId(),
                            finding.propertyPath() == null || finding.propertyPath().isEmpty()
                                    ? finding.logicalId()
                                    : finding.propertyPath(),
                            "resource"));
        }
        if (finding.cdkPath() != null) {
            logical.add(logicalLocation(finding.cdkPath(), finding.cdkPath(), "module"));
        }
        if (finding.cdkStack() != null) {
            logical.add(logicalLocation(finding.cdkStack(), finding.cdkStack(), "namespace"));
        }
        return logical.isEmpty() ? null : logical;
    }

    private static LogicalLocation logicalLocation(
            String name, String fullyQualifiedName, String kind) {
        return new LogicalLocation()
                .withName(name)
                .withFullyQualifiedName(fullyQualifiedName)
                .withKind(kind);
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

    private PhysicalLocation physical(String file, Span span) {
        return new PhysicalLocation().withArtifactLocation(artifact(file)).withRegion(region(span));
    }

    /**
     * A file under {@code %SRCROOT%} (the repository, see {@link SourceRoot}) is a URI relative to
     * it, whatever folder the scan ran from; any other file is an absolute file URI. Display paths
     * are relative to the working directory. Live mode's display paths ({@code
     * aws:cloudformation:REGION:STACK}, {@code aws:iam:ACCOUNT}) are absolute URIs already: stack
     * names, Regions and account ids hold only letters, digits and '-'.
     */
    ArtifactLocation artifact(String file) {
        if (file.startsWith(LIVE_SCHEME)) {
            return new ArtifactLocation().withUri(file);
        }
        Path absolute;
        try {
            absolute = context.workingDirectory().resolve(file).normalize();
        } catch (InvalidPathException e) {
            // Not a name of this file system (a display name such as a pseudo-file's).
            return new ArtifactLocation().withUri(encodePath(file)).withUriBaseId(SRCROOT);
        }
        if (!absolute.startsWith(context.sourceRoot())) {
            return new ArtifactLocation().withUri(absolute.toUri().toASCIIString());
        }
        List<String> segments = new ArrayList<>();
        context.sourceRoot().relativize(absolute).forEach(s -> segments.add(s.toString()));
        return new ArtifactLocation()
                .withUri(encodePath(String.join("/", segments)))
                .withUriBaseId(SRCROOT);
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

    /** A folder as a file URI ending in '/', as {@code originalUriBaseIds} requires. */
    private static String directoryUri(Path directory) {
        String uri = directory.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    abstract static class AlwaysWriteResultLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Result.Level getLevel();
    }

    abstract static class AlwaysWriteNotificationLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Notification.Level getLevel();
    }

    abstract static class AlwaysWriteConfigurationLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract ReportingConfiguration.Level getLevel();
    }
}
