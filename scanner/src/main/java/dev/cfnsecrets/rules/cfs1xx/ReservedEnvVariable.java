package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.EnvVariable;
import dev.cfnsecrets.rules.values.EnvVariables;
import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CFS109: a Lambda environment variable whose name Lambda reserves
 * (docs/facts.md#lambda-reserved-variables, plus {@code AWS_DEFAULT_REGION} as cfn-lint E3663 has
 * it): the deployment fails. The fix deletes the variable's line. ECS has no reserved names.
 */
final class ReservedEnvVariable extends ResourceRule {
    static final Set<String> RESERVED =
            Set.of(
                    "_HANDLER",
                    "_X_AMZN_TRACE_ID",
                    "AWS_REGION",
                    "AWS_DEFAULT_REGION",
                    "AWS_EXECUTION_ENV",
                    "AWS_LAMBDA_FUNCTION_NAME",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                    "AWS_LAMBDA_FUNCTION_VERSION",
                    "AWS_LAMBDA_INITIALIZATION_TYPE",
                    "AWS_LAMBDA_LOG_GROUP_NAME",
                    "AWS_LAMBDA_LOG_STREAM_NAME",
                    "AWS_ACCESS_KEY",
                    "AWS_ACCESS_KEY_ID",
                    "AWS_SECRET_ACCESS_KEY",
                    "AWS_SESSION_TOKEN",
                    "AWS_LAMBDA_RUNTIME_API",
                    "LAMBDA_TASK_ROOT",
                    "LAMBDA_RUNTIME_DIR");
    private static final Set<String> CREDENTIALS =
            Set.of(
                    "AWS_ACCESS_KEY",
                    "AWS_ACCESS_KEY_ID",
                    "AWS_SECRET_ACCESS_KEY",
                    "AWS_SESSION_TOKEN");

    @Override
    public String id() {
        return "CFS109";
    }

    @Override
    protected void check(RuleContext context, Template template, Resource resource) {
        if (!EnvVariables.isFunction(resource)) {
            return;
        }
        for (EnvVariable v : EnvVariables.of(resource)) {
            if (RESERVED.contains(v.name())) {
                RuleContext.Builder finding =
                        context.report(id())
                                .resource(resource)
                                .at(v.nameNode().span(), v.value().path())
                                .message(message(v))
                                .value(v.name());
                if (CREDENTIALS.contains(v.name())) {
                    literal(context, v).ifPresent(finding::secret);
                }
                deleteLine(template.source(), v).ifPresent(finding::fix);
                finding.add();
            }
        }
    }

    private static String message(EnvVariable v) {
        String what =
                CREDENTIALS.contains(v.name())
                        ? "Delete it: the function's execution role gives it credentials, so grant"
                                + " the role what it needs."
                        : "Delete it: Lambda sets it for every invocation.";
        return v.name()
                + " is a reserved Lambda environment variable"
                + (v.fromGlobals() ? " (set in SAM Globals)" : "")
                + ", so Lambda rejects the configuration and the deployment fails. "
                + what;
    }

    private static Optional<String> literal(RuleContext context, EnvVariable v) {
        Value value = context.evaluator().evaluate(v.value());
        return value instanceof Value.Text t && t.isLiteral() && !t.literal().isBlank()
                ? Optional.of(t.literal())
                : Optional.empty();
    }

    /**
     * Deletes the variable's whole lines when that leaves valid YAML: a block-style entry that
     * starts its line and ends its line, in a map that keeps at least one other variable. JSON and
     * flow style need commas edited, so they get no fix.
     */
    private static Optional<Fix> deleteLine(SourceFile source, EnvVariable v) {
        ScalarNode key = v.nameNode();
        if (key.style() == ScalarNode.Style.JSON_STRING || v.entry().entries().size() < 2) {
            return Optional.empty();
        }
        Span keySpan = key.span();
        Span valueSpan = v.value().span();
        String keyLine = source.line(keySpan.startLine());
        String beforeKey =
                keyLine.substring(0, Math.min(keyLine.length(), keySpan.startColumn() - 1));
        String valueLine = source.line(valueSpan.endLine());
        String afterValue =
                valueLine
                        .substring(Math.min(valueLine.length(), valueSpan.endColumn() - 1))
                        .strip();
        if (!beforeKey.isBlank() || !(afterValue.isEmpty() || afterValue.startsWith("#"))) {
            return Optional.empty();
        }
        int lastLine =
                valueSpan.endColumn() == 1 && valueSpan.endLine() > keySpan.startLine()
                        ? valueSpan.endLine() - 1
                        : valueSpan.endLine();
        Span deleted =
                lastLine < source.lineCount()
                        ? new Span(keySpan.startLine(), 1, lastLine + 1, 1)
                        : new Span(
                                keySpan.startLine(),
                                1,
                                lastLine,
                                source.line(lastLine).length() + 1);
        return Optional.of(
                new Fix(
                        "Delete the reserved variable " + v.name(),
                        List.of(new Fix.Replacement(deleted, ""))));
    }
}
