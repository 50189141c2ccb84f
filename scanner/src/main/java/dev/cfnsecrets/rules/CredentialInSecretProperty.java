package dev.cfnsecrets.rules;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.NestedStacks;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.NotASecret;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.ScalarNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CFS111: secrets in resource properties outside the environments of CFS101–CFS103.
 * <ul>
 * <li>A known secret property ({@link SecretProperties}: RDS {@code MasterUserPassword}, ElastiCache
 * {@code AuthToken}, IAM {@code LoginProfile.Password} …; of a {@code SecretString}, its secret-named
 * fields) set to a literal, to a Parameter's {@code Default}, to a Parameter without {@code NoEcho},
 * or to a plaintext String SSM parameter ({@code {{resolve:ssm:…}}} or an
 * {@code AWS::SSM::Parameter::Value} Parameter). NoEcho Parameters without Default,
 * {@code secretsmanager} and (where accepted) {@code ssm-secure} references, placeholders and
 * references (ARNs) are fine.</li>
 * <li>A credential of a known format in any property (inline code, a nested stack's URL, user data).</li>
 * <li>A secret-looking literal under a secret name in any other property ({@code DB_PASSWORD} in a
 * CodeBuild environment, {@code client_secret} in a connector), and the value of an
 * {@code AWS::SSM::Parameter} named like a secret — CloudFormation creates only plaintext String
 * parameters.</li>
 * </ul>
 */
final class CredentialInSecretProperty extends ResourceRule {
    /** Code and scripts: the value is read when they run, so that is where to fetch the secret. */
    private static final Pattern RUNTIME_ONLY = Pattern.compile(
            "(UserData|ZipFile|InlineCode|Command|EntryPoint|Script|BuildSpec|DefinitionString|Definition)\\b");

    @Override
    public String id() {
        return "CFS111";
    }

    @Override
    void check(RuleContext context, Template template, Resource resource) {
        for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(resource.properties())) {
            if (!isEnvironment(resource, leaf)) {
                new LeafCheck(context, template, resource, leaf).run();
            }
        }
    }

    /** Environments are CFS101–CFS103's. */
    private static boolean isEnvironment(Resource resource, PropertyWalker.Leaf leaf) {
        return (EnvVariables.isFunction(resource) && leaf.path().startsWith("Environment.Variables."))
                || (resource.type().equals(EnvVariables.ECS_TASK_DEFINITION)
                        && leaf.path().startsWith("ContainerDefinitions[].Environment[]."));
    }

    /**
     * Whether a literal in a known secret property stands for a value rather than being one, or is
     * declared not a secret by the configuration.
     */
    static boolean isStandIn(RuleContext context, String literal) {
        return literal.isBlank() || NotASecret.isStandIn(literal) || Credentials.isAllowed(context, literal)
                || NotASecret.why(literal).filter(r -> r.equals("an ARN") || r.equals("a dynamic reference")
                        || r.startsWith("an Amazon identifier")).isPresent();
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
                    for (SecretSlices.Slice slice : SecretSlices.of(r, leaf.name(), isSecretString())) {
                        knownProperty(r, slice, credential);
                    }
                } else if (!credential) {
                    secretNamed(r);
                }
            }
        }

        private boolean credentials(Rendered r) {
            boolean found = false;
            CredentialDetector.Context c = new CredentialDetector.Context(leaf.name(), keyIdNearby());
            for (CredentialMatch m : Credentials.find(context, r.detectable(), c)) {
                Optional<Part.Literal> piece = r.literalAt(m.start());
                if (piece.isPresent()) {
                    found = true;
                    report("credential " + m.kind().id() + " " + m.start(),
                            Where.of(leaf.node(), piece.get(), m.secret(), template.source()),
                            property() + " holds " + Advice.withArticle(m.kind().label())
                                    + " written in the template" + via(piece.get())
                                    + ": anyone who can read the template, the stack or the repository has it. "
                                    + replacement() + " " + Advice.radius(m.kind().blastRadius()),
                            m.kind().blastRadius(), m.secret());
                }
            }
            return found;
        }

        private void knownProperty(Rendered r, SecretSlices.Slice slice, boolean credentialReported) {
            String what = isSecretString() ? "Field " + slice.name() + " of the SecretString of " + resource.type()
                    : property();
            for (Rendered.Reference ref : r.references()) {
                if (ref.isSsm() && slice.contains(ref.offset())) {
                    report("ssm " + slice.name(), Where.of(leaf.node(), ref.at()), what + " is resolved from {{resolve:ssm:"
                            + ref.readableKey() + "}}, a plaintext String parameter readable by anyone allowed "
                            + "ssm:GetParameter. " + replacement(), radius(slice), null);
                }
            }
            boolean literalReported = !credentialReported && slice.literal() != null && !isStandIn(context, slice.literal());
            for (Part part : slice.parts()) {
                String name = part instanceof Part.Unknown u ? u.name()
                        : part instanceof Part.Literal l ? l.viaParameter() : null;
                Parameter p = name == null ? null : template.parameters().get(name);
                if (p == null) {
                    continue;
                }
                if (part instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.SSM_PARAMETER) {
                    report("ssm-parameter " + name, Where.of(leaf.node(), u).with(p.key().span(),
                            "Parameter " + name + " reads a plaintext String parameter"), what
                            + " comes from Parameter " + name + " of type " + p.type()
                            + ", which resolves a plaintext String parameter. " + replacement(), radius(slice), null);
                } else if (!p.noEcho() && !literalReported
                        && (part instanceof Part.Literal || ((Part.Unknown) part).kind() == Part.Unknown.Kind.PARAMETER)) {
                    // A Default that is only a stand-in does not make the value any less echoed.
                    report("parameter " + name, Where.of(leaf.node(), part).with(p.key().span(),
                            "Parameter " + name + " is declared here, without NoEcho"), what
                            + " comes from Parameter " + name + ", which is not NoEcho: the value is shown in the "
                            + "console and returned by DescribeStacks. Declare it with NoEcho: true and no Default. "
                            + replacement(), radius(slice), null);
                }
            }
            if (literalReported) {
                Part.Literal first = slice.parts().stream().filter(Part.Literal.class::isInstance).map(Part.Literal.class::cast)
                        .filter(l -> !l.text().isBlank()).findFirst().orElse(null);
                if (first != null) {
                    report("literal " + slice.name(), Where.of(leaf.node(), first), what
                            + " is written in the template as a literal" + via(first) + ": anyone who can read the "
                            + "template, the stack or the repository has it. " + replacement(), radius(slice),
                            slice.literal());
                }
            }
        }

        /**
         * A secret-named property of any resource, the value of an SSM parameter named like a secret, or
         * a Parameter passed to a nested stack whose child template uses it as a secret.
         */
        private void secretNamed(Rendered r) {
            if (!r.isLiteral()) {
                return;
            }
            // Asked only for a literal: reading a nested stack's child is the costly part.
            Optional<NestedSecretParameters.Use> childUse = childUse();
            String name = secretName().or(() -> childUse.map(NestedSecretParameters.Use::name)).orElse(null);
            if (name == null || !ValueSecrets.looksLikeSecretValue(context, name, r.text())) {
                return;
            }
            Part.Literal first = r.value().literals().stream().filter(l -> !l.text().isBlank()).findFirst().orElseThrow();
            String what;
            if (isSsmParameterValue()) {
                what = "SSM parameter " + name + " holds a secret-looking value in plaintext: CloudFormation creates only "
                        + "String parameters, readable by anyone allowed ssm:GetParameter, and the value is written in "
                        + "the template" + via(first) + ". Create a SecureString outside the template, or a Secrets "
                        + "Manager secret with a generated value.";
            } else if (childUse.isPresent() && !SecretNames.isSecretName(leaf.name())) {
                what = property() + " is used by the child template as a secret (" + childUse.get().description()
                        + ") and is given a literal written in the template" + via(first)
                        + ": anyone who can read the template, the stack or the repository has it. " + replacement();
            } else {
                what = property() + " is named like " + Advice.withArticle(SecretNames.secretWord(name).orElse("secret"))
                        + " and holds a literal written in the template" + via(first)
                        + ": anyone who can read the template, the stack or the repository has it. " + replacement();
            }
            Where where = Where.of(leaf.node(), first);
            if (childUse.isPresent()) {
                NestedSecretParameters.Use use = childUse.get();
                where = where.with(use.file(), use.span(), "the child template uses the value here, as "
                        + use.description());
            }
            report("named", where, what, SecretNames.blastRadius(name), r.text());
        }

        /** How the child template of a nested stack uses the Parameter this value is passed to, if as a secret. */
        private Optional<NestedSecretParameters.Use> childUse() {
            if (!isNestedStackParameter()) {
                return Optional.empty();
            }
            return context.shared(NestedSecretParameters.SHARED).use(resource.logicalId(), leaf.name());
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
            return leaf.siblings().entries().stream().anyMatch(e -> e.value() instanceof ScalarNode s
                    && Credentials.hasAwsKeyId(context, s.value()));
        }

        /** A value under {@code Parameters} of a nested stack: what the parent passes to the child. */
        private boolean isNestedStackParameter() {
            return NestedStacks.isNestedStack(resource) && leaf.path().equals("Parameters." + leaf.name());
        }

        private String property() {
            if (isNestedStackParameter()) {
                return "Parameter " + leaf.name() + " passed to nested stack " + resource.logicalId();
            }
            return "Property " + leaf.path() + " of " + resource.type();
        }

        private BlastRadius radius(SecretSlices.Slice slice) {
            return SecretNames.blastRadius(slice.name());
        }

        /** What to write instead, for this property. */
        private String replacement() {
            String type = resource.type();
            String path = leaf.path();
            if (RUNTIME_ONLY.matcher(path).find()) {
                return "Fetch it at runtime from Secrets Manager or a SecureString with the instance's or function's "
                        + "role (CloudFormation does not resolve dynamic references in user data).";
            }
            if (isSecretString()) {
                return "Let Secrets Manager generate the value (GenerateSecretString with SecretStringTemplate and "
                        + "GenerateStringKey) or set it outside the template.";
            }
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
}
