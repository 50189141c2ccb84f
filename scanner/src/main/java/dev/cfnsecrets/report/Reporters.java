package dev.cfnsecrets.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Suppression;

/**
 * STAND-IN for the command line's branch only: the real reporters (text with snippets and colour,
 * full SARIF 2.1.0, JSON, GitHub annotations) are written on the {@code reports} branch and replace
 * this class when the branches merge. It prints one line per finding, or a minimal SARIF log with
 * results and suppressions, and redacts secrets; {@code color} is ignored.
 */
public final class Reporters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reporters() {
    }

    public static Reporter of(Format format, boolean showSecrets, boolean color) {
        if (format == Format.SARIF || format == Format.JSON) {
            return (result, out) -> {
                ObjectNode log = JSON.createObjectNode().put("version", "2.1.0");
                ObjectNode run = log.putArray("runs").addObject();
                run.putObject("tool").putObject("driver").put("name", "cfn-secrets");
                ArrayNode results = run.putArray("results");
                for (Finding f : result.findings()) {
                    ObjectNode r = results.addObject().put("ruleId", f.ruleId()).put("level", f.level().sarifName());
                    r.putObject("message").put("text", message(f, showSecrets));
                    r.putArray("locations").addObject().putObject("physicalLocation")
                            .putObject("artifactLocation").put("uri", f.file());
                    f.suppression().ifPresent(s -> r.putArray("suppressions").addObject()
                            .put("kind", s.kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external"));
                }
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n");
            };
        }
        return (result, out) -> {
            for (Finding f : result.findings()) {
                String line = format == Format.GITHUB
                        ? "::" + f.level().sarifName() + " file=" + f.file() + ",line=" + f.span().startLine() + "::"
                        : f.file() + ":" + f.span().startLine() + ":" + f.span().startColumn() + ": "
                                + f.level().sarifName() + " " + f.ruleId() + " ";
                out.write(line + message(f, showSecrets) + (f.isSuppressed() ? " (suppressed)" : "") + "\n");
            }
            out.write(result.filesScanned() + " files scanned, " + result.filesSkipped() + " skipped, "
                    + result.findings().size() + " findings\n");
        };
    }

    private static String message(Finding f, boolean showSecrets) {
        String text = f.message();
        for (String secret : showSecrets ? java.util.List.<String>of() : f.secrets()) {
            text = text.replace(secret, secret.substring(0, Math.min(4, secret.length())) + "…(" + secret.length() + " chars)");
        }
        return text;
    }
}
