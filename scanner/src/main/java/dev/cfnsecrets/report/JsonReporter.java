package dev.cfnsecrets.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A plain JSON report for scripts. The shape is stable: every key below is always present (null
 * where it does not apply), keys are never renamed, new keys may be added.
 *
 * <pre>
 * {
 *   "tool": "cfn-secrets", "version": "1.2.0",
 *   "summary": {"filesScanned": 3, "filesSkipped": 1, "errors": 1, "warnings": 0, "notes": 0, "suppressed": 1},
 *   "findings": [{
 *     "ruleId": "CFS101", "level": "error",            // error | warning | note
 *     "message": "…",                                   // secrets redacted unless --show-secrets
 *     "file": "app/template.yaml",                      // as shown on the command line, '/'-separated
 *     "startLine": 12, "startColumn": 18, "endLine": 12, "endColumn": 58,   // 1-based, end exclusive, UTF-16 columns
 *     "logicalId": "Fn",                                // or null for file-level findings
 *     "propertyPath": "Resources/Fn/Properties/Environment/Variables/API_KEY",  // or null
 *     "cdkPath": "App/Stack/Fn/Resource",               // or null
 *     "cdkStack": "App/Stack",                          // the CDK stack of the template, or null
 *     "fingerprint": "…64 hex digits…",                 // rule, file, property path, value hash; no line numbers
 *     "related": [{"file", "startLine", "startColumn", "endLine", "endColumn", "message"}],
 *     "fix": {"description": "…", "replacements": [{"startLine", "startColumn", "endLine", "endColumn", "insertedContent"}]} or null,
 *     "suppression": {"kind": "inSource" | "external", "justification": "…"} or null,
 *     "source": {"file", "startLine", "startColumn", "endLine", "endColumn", "message"} or null
 *                                                       // a CDK construct's creation in the user's code
 *   }],
 *   "configuration": [{                                 // one per setting that hides findings; [] when none
 *     "kind": "rules-disabled",  // rules-disabled | rules-not-enabled | level-lowered | values-allowed | paths-excluded | baseline
 *     "setting": "CFS1",         // as written: rule ids or prefix, "CFS106: note", glob, "allow", "baseline"
 *     "count": 3,                // findings hidden (values allowed, files not scanned)
 *     "message": "rules CFS1 disabled: 3 findings not reported"
 *   }]
 * }
 * </pre>
 *
 * Suppressed findings are listed (with their suppression) but not counted under errors, warnings or
 * notes. {@code file} and the lines are always where the rule found the finding (for a CDK app, in
 * the synthesised template, which the fingerprint and the fix refer to); {@code source} is the line
 * of the user's code that created the construct, when the scan traced it back (the SARIF, text and
 * github reports show that line first).
 */
public final class JsonReporter implements Reporter {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final Redactor redactor;

    public JsonReporter(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Summary summary =
                new Summary(
                        result.filesScanned(),
                        result.filesSkipped(),
                        result.count(Level.ERROR),
                        result.count(Level.WARNING),
                        result.count(Level.NOTE),
                        result.suppressedCount());
        List<JsonFinding> findings = result.findings().stream().map(this::finding).toList();
        List<JsonConfigNotice> configuration =
                result.configNotices().stream()
                        .map(
                                n ->
                                        new JsonConfigNotice(
                                                n.kind().id(), n.setting(), n.count(), n.message()))
                        .toList();
        Json.write(
                MAPPER,
                new Report(ToolInfo.NAME, ToolInfo.version(), summary, findings, configuration),
                out);
    }

    private JsonFinding finding(Finding f) {
        Span s = f.span();
        List<JsonLocation> related =
                f.related().stream().map(r -> location(r, f.secrets())).toList();
        return new JsonFinding(
                f.ruleId(),
                f.level().sarifName(),
                redactor.clean(f.message(), f.secrets()),
                f.file(),
                s.startLine(),
                s.startColumn(),
                s.endLine(),
                s.endColumn(),
                f.logicalId(),
                f.propertyPath() == null || f.propertyPath().isEmpty() ? null : f.propertyPath(),
                f.cdkPath(),
                f.cdkStack(),
                f.fingerprint(),
                related,
                f.fix().map(fix -> fix(fix, f.secrets())).orElse(null),
                f.suppression().map(sup -> suppression(sup, f.secrets())).orElse(null),
                f.source().map(l -> location(l, f.secrets())).orElse(null));
    }

    private JsonLocation location(Location l, List<String> secrets) {
        Span s = l.span();
        return new JsonLocation(
                l.file(),
                s.startLine(),
                s.startColumn(),
                s.endLine(),
                s.endColumn(),
                redactor.clean(l.message(), secrets));
    }

    private JsonFix fix(Fix fix, List<String> secrets) {
        List<JsonReplacement> replacements =
                fix.replacements().stream()
                        .map(
                                r ->
                                        new JsonReplacement(
                                                r.deleted().startLine(),
                                                r.deleted().startColumn(),
                                                r.deleted().endLine(),
                                                r.deleted().endColumn(),
                                                redactor.clean(r.inserted(), secrets)))
                        .toList();
        return new JsonFix(redactor.clean(fix.description(), secrets), replacements);
    }

    private JsonSuppression suppression(Suppression s, List<String> secrets) {
        String kind = s.kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external";
        return new JsonSuppression(kind, redactor.clean(s.justification(), secrets));
    }

    // Jackson writes record components in declaration order: that order is the documented shape.

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(
            String tool,
            String version,
            Summary summary,
            List<JsonFinding> findings,
            List<JsonConfigNotice> configuration) {}

    record Summary(
            int filesScanned,
            int filesSkipped,
            long errors,
            long warnings,
            long notes,
            long suppressed) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JsonFinding(
            String ruleId,
            String level,
            String message,
            String file,
            int startLine,
            int startColumn,
            int endLine,
            int endColumn,
            String logicalId,
            String propertyPath,
            String cdkPath,
            String cdkStack,
            String fingerprint,
            List<JsonLocation> related,
            JsonFix fix,
            JsonSuppression suppression,
            JsonLocation source) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JsonLocation(
            String file,
            int startLine,
            int startColumn,
            int endLine,
            int endColumn,
            String message) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JsonFix(String description, List<JsonReplacement> replacements) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JsonReplacement(
            int startLine, int startColumn, int endLine, int endColumn, String insertedContent) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JsonSuppression(String kind, String justification) {}

    record JsonConfigNotice(String kind, String setting, long count, String message) {}
}
