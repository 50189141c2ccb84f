package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.Fingerprint;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.TemplateRule;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.rules.values.PropertyWalker;
import dev.cfnsecrets.rules.values.ValueSecrets;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CFS107: a secret exposed through {@code Outputs} or {@code Metadata} (the template's and each
 * resource's). Both are shown in the console and returned by DescribeStacks / GetTemplate, and
 * {@code NoEcho} does not mask either; CloudFormation refuses secure dynamic references in Metadata
 * for that reason. Reported: credentials of known formats, secret-named Parameters, secret
 * attributes ({@code SecretAccessKey}, {@code ClientSecret}), {@code secretsmanager} and {@code
 * ssm-secure} references, and secret-looking literals under secret names.
 */
final class SecretInOutputs extends TemplateRule {
    /** Metadata keys that configure tools or describe the console form, not values of the stack. */
    private static final Set<String> TOOL_METADATA =
            Set.of(
                    "aws:cdk:path",
                    "aws:asset:path",
                    "aws:asset:property",
                    "aws:asset:is-bundled",
                    "cfn-lint",
                    "cfn_nag",
                    "checkov",
                    "cfn-secrets",
                    "guard",
                    "AWS::CloudFormation::Interface",
                    "SamResourceId",
                    "BuildMethod",
                    "BuildProperties",
                    "DockerTag",
                    "DockerContext",
                    "Dockerfile",
                    "AWS::ServerlessRepo::Application");

    @Override
    public String id() {
        return "CFS107";
    }

    @Override
    protected void check(RuleContext context, Template template) {
        template.outputs()
                .ifPresent(
                        outputs -> {
                            for (MapNode.Entry output : outputs.entries()) {
                                if (output.value() instanceof MapNode o) {
                                    o.get("Value")
                                            .ifPresent(
                                                    value ->
                                                            new Exposure(
                                                                            context,
                                                                            null,
                                                                            output.name(),
                                                                            "Output "
                                                                                    + output.name(),
                                                                            "Outputs")
                                                                    .check(value, output.name()));
                                }
                            }
                        });
        template.metadata().ifPresent(metadata -> walk(context, null, metadata));
        for (Resource resource : template.resources().values()) {
            resource.metadata().ifPresent(metadata -> walk(context, resource, metadata));
        }
    }

    private void walk(RuleContext context, Resource resource, MapNode metadata) {
        for (MapNode.Entry entry : metadata.entries()) {
            if (TOOL_METADATA.contains(entry.name())) {
                continue;
            }
            String owner =
                    resource == null
                            ? "the template's Metadata"
                            : "the Metadata of " + resource.logicalId();
            if (entry.value() instanceof MapNode m && m.intrinsic().isEmpty()) {
                for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(m)) {
                    new Exposure(
                                    context,
                                    resource,
                                    null,
                                    "Metadata " + entry.name() + "." + leaf.path() + " in " + owner,
                                    "Metadata")
                            .check(leaf.node(), leaf.name());
                }
            } else {
                new Exposure(
                                context,
                                resource,
                                null,
                                "Metadata " + entry.name() + " in " + owner,
                                "Metadata")
                        .check(entry.value(), entry.name());
            }
        }
    }

    /**
     * What one Output value or Metadata value shows of the secrets {@link ValueSecrets} finds in
     * it.
     */
    private final class Exposure {
        private final RuleContext context;
        private final Resource resource;
        private final String logicalId;
        private final String what;
        private final String section;
        private final Set<String> reported = new HashSet<>();

        Exposure(
                RuleContext context,
                Resource resource,
                String logicalId,
                String what,
                String section) {
            this.context = context;
            this.resource = resource;
            this.logicalId = logicalId;
            this.what = what;
            this.section = section;
        }

        void check(Node node, String name) {
            for (ValueSecrets.Alternative a :
                    ValueSecrets.of(context, node, name, false).alternatives()) {
                List<ValueSecrets.Credential> credentials = a.credentials();
                for (ValueSecrets.Credential c : credentials) {
                    report(
                            c,
                            c.where(),
                            "exposes "
                                    + Advice.withArticle(c.detail())
                                    + " written in the template",
                            c.radius(),
                            c.match().secret());
                }
                for (ValueSecrets.Reference r : a.references()) {
                    if (r.ref().isSecretsManager() || r.ref().isSsmSecure()) {
                        report(
                                r,
                                r.where(),
                                "resolves "
                                        + r.detail()
                                        + ", so the secret's plaintext would be shown",
                                SecretNames.blastRadius(name),
                                null);
                    }
                }
                for (ValueSecrets.Answer piece : a.pieces()) {
                    parameterOrAttribute(piece);
                }
                if (credentials.isEmpty() && SecretNames.isSecretName(name)) {
                    a.literalUnder(name)
                            .ifPresent(
                                    l ->
                                            report(
                                                    l,
                                                    l.where(),
                                                    "is named like "
                                                            + Advice.withArticle(l.detail())
                                                            + " and shows a literal written in the template",
                                                    l.radius(),
                                                    l.text()));
                }
            }
        }

        private void parameterOrAttribute(ValueSecrets.Answer piece) {
            if (piece instanceof ValueSecrets.FromParameter p
                    && SecretNames.isSecretName(p.detail())) {
                Parameter declared = p.parameter();
                report(
                        p,
                        p.where()
                                .with(
                                        declared.key().span(),
                                        "Parameter " + declared.name() + " is declared here"),
                        "shows Parameter "
                                + declared.name()
                                + (declared.noEcho()
                                        ? " (NoEcho does not mask " + section + ")"
                                        : ""),
                        SecretNames.blastRadius(declared.name()),
                        null);
            }
            // A low-radius attribute (an AppSync API key, made to be handed to clients) may be
            // shown
            // like it may sit in an environment; its value is not in the template either.
            if (piece instanceof ValueSecrets.SecretAttribute attribute
                    && attribute.secret().radius() != BlastRadius.LOW) {
                report(
                        attribute,
                        attribute.where(),
                        "shows "
                                + attribute.detail()
                                + ", a secret CloudFormation resolves at deploy time",
                        attribute.secret().radius(),
                        null);
            }
        }

        private void report(
                ValueSecrets.Answer answer,
                Where where,
                String finding,
                BlastRadius radius,
                String secret) {
            if (!reported.add(answer.key())) {
                return;
            }
            RuleContext.Builder b =
                    context.report(id())
                            .message(
                                    what
                                            + " "
                                            + finding
                                            + ". Put the secret's name or ARN in "
                                            + section
                                            + " instead, for readers to fetch it with their own"
                                            + " permissions.")
                            .securitySeverity(radius.securitySeverity())
                            .value(
                                    finding
                                            + (secret == null
                                                    ? ""
                                                    : "\n" + Fingerprint.shapeOf(secret)));
            if (resource != null) {
                b.resource(resource);
            } else if (logicalId != null) {
                b.logicalId(logicalId);
            }
            if (secret != null) {
                b.secret(secret);
            }
            where.addTo(b);
            b.add();
        }
    }
}
