package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.CdkAdvice;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvSecrets;
import dev.cfnsecrets.rules.values.EnvVariable;
import dev.cfnsecrets.secrets.BlastRadius;

/**
 * The shape shared by the rules that report one {@link EnvConcern.Kind} of environment concern:
 * find the concerns of every function and task definition, report those of this rule's kind.
 */
abstract class EnvConcernRule extends ResourceRule {
    private final EnvConcern.Kind kind;

    EnvConcernRule(EnvConcern.Kind kind) {
        this.kind = kind;
    }

    @Override
    protected final void check(RuleContext context, Template template, Resource resource) {
        for (EnvConcern concern : EnvSecrets.concerns(context, resource)) {
            if (concern.kind() == kind) {
                RuleContext.Builder finding =
                        context.report(id())
                                .resource(resource)
                                .message(message(concern, context.inCdkApp()))
                                .securitySeverity(concern.radius().securitySeverity())
                                .value(concern.fingerprint());
                concern.secrets().forEach(finding::secret);
                concern.where().addTo(finding);
                finding.add();
            }
        }
    }

    /**
     * The finding's message; it must not name the resource, so a Globals value reads the same for
     * every function. {@code inCdkApp}: the template is CDK output, so the advice speaks CDK.
     */
    abstract String message(EnvConcern concern, boolean inCdkApp);

    /** {@link Advice#store}, or its CDK wording. */
    static String store(boolean inCdkApp, BlastRadius radius, EnvVariable.Kind kind) {
        return inCdkApp ? CdkAdvice.store(radius, kind) : Advice.store(radius, kind);
    }

    /** {@link Advice#fetchAtRuntime}, or its CDK wording. */
    static String fetchAtRuntime(boolean inCdkApp, EnvVariable.Kind kind) {
        return inCdkApp ? CdkAdvice.fetchAtRuntime(kind) : Advice.fetchAtRuntime(kind);
    }

    /** " (in the Default of Parameter X)" when the value is written elsewhere, else "". */
    static String origin(EnvConcern concern) {
        return concern.where().related().stream()
                .filter(r -> r.note().startsWith("the value is written here, "))
                .findFirst()
                .map(r -> " (" + r.note().substring("the value is written here, ".length()) + ")")
                .orElse("");
    }
}
