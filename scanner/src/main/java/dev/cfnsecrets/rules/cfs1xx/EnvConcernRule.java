package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvSecrets;

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
                                .message(message(concern))
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
     * every function.
     */
    abstract String message(EnvConcern concern);

    /** " (in the Default of Parameter X)" when the value is written elsewhere, else "". */
    static String origin(EnvConcern concern) {
        return concern.where().related().stream()
                .filter(r -> r.note().startsWith("the value is written here, "))
                .findFirst()
                .map(r -> " (" + r.note().substring("the value is written here, ".length()) + ")")
                .orElse("");
    }
}
