package dev.cfnsecrets.rules;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * CFS107: a secret exposed through {@code Outputs} or {@code Metadata} (the template's and each
 * resource's). Both are shown in the console and returned by DescribeStacks / GetTemplate, and
 * {@code NoEcho} does not mask either; CloudFormation refuses secure dynamic references in
 * Metadata for that reason. Reported: credentials of known formats, secret-named Parameters,
 * secret attributes ({@code SecretAccessKey}, {@code ClientSecret}), {@code secretsmanager} and
 * {@code ssm-secure} references, and secret-looking literals under secret names.
 */
final class SecretInOutputs extends TemplateRule {
    /** Metadata keys that configure tools or describe the console form, not values of the stack. */
    private static final Set<String> TOOL_METADATA = Set.of(
            "aws:cdk:path", "aws:asset:path", "aws:asset:property", "aws:asset:is-bundled", "cfn-lint", "cfn_nag",
            "checkov", "cfn-secrets", "guard", "AWS::CloudFormation::Interface", "SamResourceId", "BuildMethod",
            "BuildProperties", "DockerTag", "DockerContext", "Dockerfile", "AWS::ServerlessRepo::Application");

    @Override
    public String id() {
        return "CFS107";
    }

    @Override
    void check(RuleContext context, Template template) {
        template.outputs().ifPresent(outputs -> {
            for (MapNode.Entry output : outputs.entries()) {
                if (output.value() instanceof MapNode o) {
                    o.get("Value").ifPresent(value ->
                            new Exposure(context, template, null, output.name(), "Output " + output.name(), "Outputs")
                                    .check(value, output.name()));
                }
            }
        });
        template.metadata().ifPresent(metadata -> walk(context, template, null, metadata));
        for (Resource resource : template.resources().values()) {
            resource.metadata().ifPresent(metadata -> walk(context, template, resource, metadata));
        }
    }

    private void walk(RuleContext context, Template template, Resource resource, MapNode metadata) {
        for (MapNode.Entry entry : metadata.entries()) {
            if (TOOL_METADATA.contains(entry.name())) {
                continue;
            }
            String owner = resource == null ? "the template's Metadata" : "the Metadata of " + resource.logicalId();
            if (entry.value() instanceof MapNode m && m.intrinsic().isEmpty()) {
                for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(m)) {
                    new Exposure(context, template, resource, null, "Metadata " + entry.name() + "." + leaf.path()
                            + " in " + owner, "Metadata").check(leaf.node(), leaf.name());
                }
            } else {
                new Exposure(context, template, resource, null, "Metadata " + entry.name() + " in " + owner, "Metadata")
                        .check(entry.value(), entry.name());
            }
        }
    }

    /** The checks of one Output value or Metadata value. */
    private final class Exposure {
        private final RuleContext context;
        private final Template template;
        private final Resource resource;
        private final String logicalId;
        private final String what;
        private final String section;
        private final Set<String> reported = new HashSet<>();

        Exposure(RuleContext context, Template template, Resource resource, String logicalId, String what, String section) {
            this.context = context;
            this.template = template;
            this.resource = resource;
            this.logicalId = logicalId;
            this.what = what;
            this.section = section;
        }

        void check(Node node, String name) {
            for (Value.Text alternative : context.evaluator().evaluate(node).alternatives()) {
                Rendered r = Rendered.of(alternative);
                if (r.isNoValue()) {
                    continue;
                }
                boolean credential = false;
                for (CredentialMatch m : Credentials.find(context, r.detectable(),
                        new CredentialDetector.Context(name, false))) {
                    Optional<Part.Literal> piece = r.literalAt(m.start());
                    if (piece.isPresent()) {
                        credential = true;
                        report(Where.of(node, piece.get(), m.secret(), template.source()),
                                "exposes " + Advice.withArticle(m.kind().label()) + " written in the template",
                                m.kind().blastRadius(), m.secret());
                    }
                }
                for (Rendered.Reference ref : r.references()) {
                    if (ref.isSecretsManager() || ref.isSsmSecure()) {
                        report(Where.of(node, ref.at()), "resolves {{resolve:" + ref.service() + ":" + ref.readableKey()
                                + "}}, so the secret's plaintext would be shown", SecretNames.blastRadius(name), null);
                    }
                }
                for (Part p : alternative.parts()) {
                    parameterOrAttribute(node, p);
                }
                if (!credential && r.isLiteral() && SecretNames.isSecretName(name)
                        && ValueSecrets.looksLikeSecretValue(context, name, r.text())) {
                    Part.Literal first = alternative.literals().stream().filter(l -> !l.text().isBlank())
                            .findFirst().orElseThrow();
                    String word = SecretNames.secretWord(name).orElse("secret");
                    report(Where.of(node, first), "is named like " + Advice.withArticle(word)
                            + " and shows a literal written in the template", SecretNames.blastRadius(name), r.text());
                }
            }
        }

        private void parameterOrAttribute(Node node, Part p) {
            String parameter = p instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.PARAMETER ? u.name()
                    : p instanceof Part.Literal l ? l.viaParameter() : null;
            Parameter declared = parameter == null ? null : template.parameters().get(parameter);
            if (declared != null && SecretNames.isSecretName(parameter)) {
                report(Where.of(node, p).with(declared.key().span(), "Parameter " + parameter + " is declared here"),
                        "shows Parameter " + parameter + (declared.noEcho() ? " (NoEcho does not mask " + section + ")" : ""),
                        SecretNames.blastRadius(parameter), null);
            }
            if (p instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.ATTRIBUTE) {
                // A low-radius attribute (an AppSync API key, made to be handed to clients) may be shown
                // like it may sit in an environment; its value is not in the template either.
                SecretAttributes.of(template, u.name()).filter(secret -> secret.radius() != BlastRadius.LOW)
                        .ifPresent(secret -> report(Where.of(node, p), "shows " + secret.description()
                                + ", a secret CloudFormation resolves at deploy time", secret.radius(), null));
            }
        }

        private void report(Where where, String finding, BlastRadius radius, String secret) {
            if (!reported.add(finding + "\u0000" + where.span())) {
                return;
            }
            RuleContext.Builder b = context.report(id())
                    .message(what + " " + finding + ". " + section + " are shown in the CloudFormation console and returned "
                            + "by DescribeStacks" + (section.equals("Metadata") ? " and GetTemplate" : "")
                            + " to anyone allowed to read the stack, and NoEcho does not mask them. Do not pass secrets "
                            + "through " + section + ": hand out the secret's name or ARN and let readers fetch it from "
                            + "Secrets Manager with their own permissions.")
                    .securitySeverity(radius.securitySeverity())
                    .value(finding + (secret == null ? "" : "\n" + Fingerprint.shapeOf(secret)));
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
