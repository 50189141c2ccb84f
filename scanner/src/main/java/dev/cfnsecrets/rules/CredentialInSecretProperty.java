package dev.cfnsecrets.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.NotASecret;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.ScalarNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CFS111: secrets in resource properties outside the environments of CFS101–CFS103.
 * <ul>
 * <li>A known secret property ({@link SecretProperties}: RDS {@code MasterUserPassword}, ElastiCache
 * {@code AuthToken}, IAM {@code LoginProfile.Password} …) set to a literal, to a Parameter's
 * {@code Default}, to a Parameter without {@code NoEcho}, or to a plaintext String SSM parameter
 * ({@code {{resolve:ssm:…}}} or an {@code AWS::SSM::Parameter::Value} Parameter). NoEcho Parameters
 * without Default, {@code secretsmanager} and (where accepted) {@code ssm-secure} references are fine.</li>
 * <li>A credential of a known format in any property (inline code, a nested stack's URL, user data).</li>
 * <li>A secret-looking literal under a secret name in any other property ({@code DB_PASSWORD} in a
 * CodeBuild environment, {@code client_secret} in a connector) and in an {@code AWS::SSM::Parameter}
 * named like a secret — CloudFormation can only create plaintext String parameters.</li>
 * </ul>
 */
final class CredentialInSecretProperty implements Rule {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_PAIR = Pattern.compile("\"([^\"]{1,64})\"\\s*:\\s*\"([^\"\\u0000]*)\"");

    @Override
    public String id() {
        return "CFS111";
    }

    @Override
    public void check(RuleContext context) {
        Template template = context.template().orElse(null);
        if (template == null) {
            return;
        }
        for (Resource resource : template.resources().values()) {
            for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(resource.properties())) {
                if (!isEnvironment(resource, leaf)) {
                    new LeafCheck(context, template, resource, leaf).run();
                }
            }
        }
    }

    /** Environments are CFS101–CFS103's. */
    private static boolean isEnvironment(Resource resource, PropertyWalker.Leaf leaf) {
        return (EnvVariables.isFunction(resource) && leaf.path().startsWith("Environment.Variables."))
                || (resource.type().equals(EnvVariables.ECS_TASK_DEFINITION)
                        && leaf.path().startsWith("ContainerDefinitions[].Environment[]."));
    }

    /** The findings of one property value; each concern reported once across its alternatives. */
    private final class LeafCheck {
        private final RuleContext context;
        private final Template template;
        private final Resource resource;
        private final PropertyWalker.Leaf leaf;
        private final Set<String> reported = new HashSet<>();

        LeafCheck(RuleContext context, Template template, Resource resource, PropertyWalker.Leaf leaf) {
            this.context = context;
            this.template = template;
            this.resource = resource;
            this.leaf = leaf;
        }

        void run() {
            boolean known = SecretProperties.isSecret(resource.type(), leaf.path());
            for (Value.Text alternative : context.evaluator().evaluate(leaf.node()).alternatives()) {
                Rendered r = Rendered.of(alternative);
                if (r.isNoValue()) {
                    continue;
                }
                boolean credential = credentials(r);
                if (known) {
                    knownProperty(r, credential);
                } else if (!credential) {
                    secretNamed(r);
                }
            }
        }

        private boolean credentials(Rendered r) {
            boolean found = false;
            CredentialDetector.Context c = new CredentialDetector.Context(leaf.name(), keyIdNearby());
            for (CredentialMatch m : CredentialDetector.find(r.detectable(), c)) {
                Optional<Part.Literal> piece = r.literalAt(m.start());
                if (piece.isPresent()) {
                    found = true;
                    report("credential " + m.kind().id() + " " + m.start(), Where.of(leaf.node(), piece.get()),
                            property() + " holds a " + m.kind().label() + " written in the template" + via(piece.get())
                                    + ": anyone who can read the template, the stack or the repository has it. "
                                    + replacement() + " " + Advice.radius(m.kind().blastRadius()),
                            m.kind().blastRadius(), m.secret());
                }
            }
            return found;
        }

        private void knownProperty(Rendered r, boolean credentialReported) {
            for (Rendered.Reference ref : r.references()) {
                if (ref.isSsm()) {
                    report("ssm", Where.of(leaf.node(), ref.at()), property() + " is resolved from {{resolve:ssm:"
                            + ref.readableKey() + "}}, a plaintext String parameter readable by anyone allowed "
                            + "ssm:GetParameter. " + replacement(), radius(), null);
                }
            }
            for (Part.Unknown u : r.value().unknowns()) {
                Parameter p = template.parameters().get(u.name());
                if (u.kind() == Part.Unknown.Kind.SSM_PARAMETER) {
                    report("ssm-parameter " + u.name(), Where.of(leaf.node(), u).with(p.key().span(),
                            "Parameter " + u.name() + " reads a plaintext String parameter"), property()
                            + " comes from Parameter " + u.name() + " of type " + p.type()
                            + ", which resolves a plaintext String parameter. " + replacement(), radius(), null);
                } else if (u.kind() == Part.Unknown.Kind.PARAMETER && p != null && !p.noEcho()) {
                    report("parameter " + u.name(), Where.of(leaf.node(), u).with(p.key().span(),
                            "Parameter " + u.name() + " is declared here, without NoEcho"), property()
                            + " comes from Parameter " + u.name() + ", which is not NoEcho: the value is shown in the "
                            + "console and returned by DescribeStacks. Declare it with NoEcho: true and no Default — or "
                            + "better, " + Character.toLowerCase(replacement().charAt(0)) + replacement().substring(1),
                            radius(), null);
                }
            }
            if (!credentialReported) {
                literal(r);
            }
        }

        /** A literal written in the template (or in a Parameter Default) in a known secret property. */
        private void literal(Rendered r) {
            if (isSecretString()) {
                secretString(r);
                return;
            }
            if (!r.isLiteral() || r.text().isBlank() || NotASecret.isTemplateVariable(r.text())
                    || r.text().contains("{{resolve:")) {
                return;
            }
            Part.Literal first = r.value().literals().stream().filter(l -> !l.text().isBlank()).findFirst().orElseThrow();
            report("literal", Where.of(leaf.node(), first), property() + " is written in the template as a literal"
                    + via(first) + ": anyone who can read the template, the stack or the repository has it. "
                    + replacement(), radius(), r.text());
        }

        /** {@code SecretString}: the secret-named fields of a JSON secret, or the whole text. */
        private void secretString(Rendered r) {
            if (r.isLiteral()) {
                Optional<JsonNode> json = parseObject(r.text());
                if (json.isEmpty()) {
                    if (!r.text().isBlank() && NotASecret.why(r.text()).isEmpty()) {
                        report("secret-string", Where.of(leaf.node(), r.value().literals().get(0)), property()
                                + " is written in the template: the secret's value is in the source. " + replacement(),
                                radius(), r.text());
                    }
                    return;
                }
                Iterator<Map.Entry<String, JsonNode>> fields = json.get().fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    secretField(r, f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : "");
                }
                return;
            }
            Matcher m = JSON_PAIR.matcher(r.text());
            while (m.find()) {
                secretField(r, m.group(1), m.group(2));
            }
        }

        private void secretField(Rendered r, String key, String value) {
            if (SecretNames.isSecretName(key) && NotASecret.why(value).isEmpty()) {
                Part.Literal piece = r.value().literals().stream().filter(l -> l.text().contains(value)).findFirst()
                        .orElse(r.value().literals().get(0));
                report("secret-string " + key, Where.of(leaf.node(), piece), property() + " writes the " + key
                        + " field of the secret in the template: the secret's value is in the source. Let Secrets "
                        + "Manager generate it (GenerateSecretString with SecretStringTemplate and GenerateStringKey) "
                        + "or set it outside the template.", SecretNames.blastRadius(key), value);
            }
        }

        /** A secret-named property of any resource, or the value of an SSM parameter named like a secret. */
        private void secretNamed(Rendered r) {
            String name = secretName().orElse(null);
            if (name == null || !r.isLiteral() || !EnvSecrets.looksLikeSecretValue(name, r.text())) {
                return;
            }
            Part.Literal first = r.value().literals().stream().filter(l -> !l.text().isBlank()).findFirst().orElseThrow();
            String what = isSsmParameterValue()
                    ? "SSM parameter " + name + " holds a secret-looking value in plaintext: CloudFormation creates only "
                            + "String parameters, readable by anyone allowed ssm:GetParameter, and the value is written in "
                            + "the template" + via(first) + ". Create a SecureString outside the template, or a Secrets "
                            + "Manager secret with a generated value."
                    : property() + " is named like a " + SecretNames.secretWord(name).orElse("secret")
                            + " and holds a literal written in the template" + via(first)
                            + ": anyone who can read the template, the stack or the repository has it. "
                            + replacement();
            report("named", Where.of(leaf.node(), first), what, SecretNames.blastRadius(name), r.text());
        }

        /** The secret name this value is under: its key or pair name, or an SSM parameter's Name. */
        private Optional<String> secretName() {
            if (isSsmParameterValue()) {
                return resource.properties().getString("Name").filter(SecretNames::isSecretName);
            }
            if (isReferencePair()) {
                return Optional.empty();
            }
            return Optional.of(leaf.name()).filter(SecretNames::isSecretName);
        }

        /** CodeBuild-style {@code {Name, Value, Type: PARAMETER_STORE|SECRETS_MANAGER}}: the value is a reference. */
        private boolean isReferencePair() {
            String type = leaf.siblings().getString("Type").orElse("");
            return leaf.path().endsWith(".Value") && (type.equals("PARAMETER_STORE") || type.equals("SECRETS_MANAGER"));
        }

        private boolean isSsmParameterValue() {
            return resource.type().equals("AWS::SSM::Parameter") && leaf.path().equals("Value");
        }

        private boolean isSecretString() {
            return resource.type().equals("AWS::SecretsManager::Secret") && leaf.path().equals("SecretString");
        }

        private boolean keyIdNearby() {
            MapNode siblings = leaf.siblings();
            return siblings.entries().stream().anyMatch(e -> e.value() instanceof ScalarNode s
                    && CredentialDetector.hasAwsKeyId(s.value()));
        }

        private String property() {
            return "Property " + leaf.path() + " of " + resource.type();
        }

        private BlastRadius radius() {
            return SecretNames.blastRadius(leaf.name());
        }

        /** What to write instead, for this property. */
        private String replacement() {
            String type = resource.type();
            String path = leaf.path();
            StringBuilder b = new StringBuilder("Resolve it at deploy time with {{resolve:secretsmanager:…}}");
            if (SecretProperties.acceptsSsmSecure(type, path)) {
                b.append(" or {{resolve:ssm-secure:…}} (this property accepts both)");
            } else if (SecretProperties.isSecret(type, path)) {
                b.append(" (this property does not accept ssm-secure)");
            }
            if (path.equals("MasterUserPassword") && type.startsWith("AWS::RDS::")) {
                b.append(", or let RDS manage it with ManageMasterUserPassword: true");
            }
            return b.append(", or pass it as a NoEcho Parameter without Default.").toString();
        }

        private void report(String concern, Where where, String message, BlastRadius radius, String secret) {
            if (!reported.add(concern + "\u0000" + where.span())) {
                return;
            }
            RuleContext.Builder finding = context.report(id()).resource(resource)
                    .message(message)
                    .securitySeverity(radius.securitySeverity())
                    .value(concern + "\n" + leaf.path() + (secret == null ? "" : "\n" + Fingerprint.shapeOf(secret)));
            if (secret != null) {
                finding.secret(secret);
            }
            where.addTo(finding);
            finding.add();
        }
    }

    private static String via(Part.Literal piece) {
        return piece.viaParameter() != null ? " (in the Default of Parameter " + piece.viaParameter() + ")" : "";
    }

    private static Optional<JsonNode> parseObject(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(t);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
