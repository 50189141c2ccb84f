package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvSecrets;
import dev.cfnsecrets.rules.values.EnvVariables;
import dev.cfnsecrets.source.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CFS110: a function whose environment holds a secret (any concern of the environment rules,
 * resolved dynamic references included) is encrypted with the AWS managed key {@code aws/lambda},
 * so every principal allowed {@code lambda:GetFunctionConfiguration} reads it without {@code
 * kms:Decrypt} (docs/facts.md#environment-encryption-and-kms). One finding per function, at its
 * logical id.
 */
final class EnvSecretDefaultKey extends ResourceRule {
    @Override
    public String id() {
        return "CFS110";
    }

    @Override
    protected void check(RuleContext context, Template template, Resource resource) {
        if (!EnvVariables.isFunction(resource) || hasCustomerManagedKey(context, resource)) {
            return;
        }
        List<EnvConcern> concerns = EnvSecrets.concerns(context, resource);
        if (concerns.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        concerns.forEach(c -> names.add(c.variable().name()));
        RuleContext.Builder finding =
                context.report(id())
                        .resource(resource)
                        .at(resource.key().span(), resource.node().path() + "/Properties/KmsKeyArn")
                        .message(
                                "Function "
                                        + resource.logicalId()
                                        + " keeps secrets in its environment ("
                                        + String.join(", ", names)
                                        + ") encrypted only with the AWS managed key aws/lambda. "
                                        + (context.inCdkApp()
                                                ? "Give it environmentEncryption: a kms.Key of"
                                                        + " yours"
                                                : "Set KmsKeyArn to a customer managed key")
                                        + ", or better keep the secrets out of the environment.")
                        .value(String.join(",", names));
        Set<Node> shown = new LinkedHashSet<>();
        for (EnvConcern c : concerns) {
            // The related lines show the values: they are redacted like the findings' own.
            c.secrets().forEach(finding::secret);
            if (shown.add(c.variable().value())) {
                finding.related(c.where().span(), c.variable().name() + " holds a secret");
            }
        }
        finding.add();
    }

    /**
     * {@code KmsKeyArn} set to anything but the AWS managed key in every way the function can
     * deploy.
     */
    private static boolean hasCustomerManagedKey(RuleContext context, Resource resource) {
        Optional<Node> key = resource.properties().get("KmsKeyArn");
        if (key.isEmpty()) {
            return false;
        }
        for (Value.Text alternative : context.evaluator().evaluate(key.get()).alternatives()) {
            String literal = alternative.literal();
            if (alternative.isLiteral()
                    && (literal.isBlank() || literal.contains("alias/aws/lambda"))) {
                return false;
            }
        }
        return true;
    }
}
