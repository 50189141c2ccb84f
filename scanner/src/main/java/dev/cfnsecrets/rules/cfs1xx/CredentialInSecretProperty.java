package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.model.NestedStacks;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.CdkAdvice;
import dev.cfnsecrets.rules.Fingerprint;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.rules.values.CredentialSearchCache;
import dev.cfnsecrets.rules.values.EnvVariables;
import dev.cfnsecrets.rules.values.NestedSecretParameters;
import dev.cfnsecrets.rules.values.PropertyWalker;
import dev.cfnsecrets.rules.values.SecretProperties;
import dev.cfnsecrets.rules.values.SecretSlices;
import dev.cfnsecrets.rules.values.ValueSecrets;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.ScalarNode;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CFS111: secrets in resource properties outside the environments of CFS101–CFS103.
 *
 * <ul>
 *   <li>A known secret property ({@link SecretProperties}: RDS {@code MasterUserPassword},
 *       ElastiCache {@code AuthToken}, IAM {@code LoginProfile.Password} …; of a {@code
 *       SecretString}, its secret-named fields) set to a literal, to a Parameter's {@code Default},
 *       to a Parameter without {@code NoEcho}, or to a plaintext String SSM parameter ({@code
 *       {{resolve:ssm:…}}} or an {@code AWS::SSM::Parameter::Value} Parameter). NoEcho Parameters
 *       without Default, {@code secretsmanager} and (where accepted) {@code ssm-secure} references,
 *       placeholders and references (ARNs) are fine.
 *   <li>A credential of a known format in any property (inline code, a nested stack's URL, user
 *       data).
 *   <li>A secret-looking literal under a secret name in any other property ({@code DB_PASSWORD} in
 *       a CodeBuild environment, {@code client_secret} in a connector), and the value of an {@code
 *       AWS::SSM::Parameter} named like a secret — CloudFormation creates only plaintext String
 *       parameters.
 * </ul>
 */
final class CredentialInSecretProperty extends ResourceRule {
    /** Code and scripts: the value is read when they run, so that is where to fetch the secret. */
    private static final Pattern RUNTIME_ONLY =
            Pattern.compile(
                    "(UserData|ZipFile|InlineCode|Command|EntryPoint|Script|BuildSpec|DefinitionString|Definition)\\b");

    @Override
    public String id() {
        return "CFS111";
    }

    @Override
    protected void check(RuleContext context, Template template, Resource resource) {
        // Whether a map holds an access key id, asked once per map, not once per value in it: a
        // map of n values would otherwise be searched n times over.
        Map<MapNode, Boolean> keyIdIn = new IdentityHashMap<>();
        for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(context, resource.properties())) {
            if (!isEnvironment(resource, leaf)) {
                new LeafCheck(context, resource, leaf, keyIdIn).run();
            }
        }
    }

    /** Environments are CFS101–CFS103's. */
    private static boolean isEnvironment(Resource resource, PropertyWalker.Leaf leaf) {
        return (EnvVariables.isFunction(resource)
                        && leaf.path().startsWith("Environment.Variables."))
                || (resource.type().equals(EnvVariables.ECS_TASK_DEFINITION)
                        && leaf.path().startsWith("ContainerDefinitions[].Environment[]."));
    }

    /** The findings of one property value; each concern reported once across its alternatives. */
    private final class LeafCheck {
        private final RuleContext context;
        private final Resource resource;
        private final PropertyWalker.Leaf leaf;
        private final Set<String> reported = new HashSet<>();
        private final Map<MapNode, Boolean> keyIdIn;

        LeafCheck(
                RuleContext context,
                Resource resource,
                PropertyWalker.Leaf leaf,
                Map<MapNode, Boolean> keyIdIn) {
            this.context = context;
            this.resource = resource;
            this.leaf = leaf;
            this.keyIdIn = keyIdIn;
        }

        void run() {
            boolean known = SecretProperties.isSecret(resource.type(), leaf.path());
            for (ValueSecrets.Alternative a :
                    ValueSecrets.of(context, leaf.node(), leaf.name(), keyIdNearby())
                            .alternatives()) {
                boolean credential = credentials(a, known && isSecretString());
                if (known) {
                    for (SecretSlices.Slice slice :
                            SecretSlices.of(a.rendered(), leaf.name(), isSecretString())) {
                        knownProperty(a, slice, credential);
                    }
                } else if (!credential) {
                    secretNamed(a);
                }
            }
        }

        /**
         * Reports the credentials of the value; of a SecretString ({@code sliced}), not the secrets
         * under its JSON keys: its fields are judged one by one as {@link SecretSlices}.
         */
        private boolean credentials(ValueSecrets.Alternative a, boolean sliced) {
            boolean any = false; // a loop, not a stream: asked of every value
            for (ValueSecrets.Credential c : a.credentials()) {
                if (sliced && c.inDocument()) {
                    continue;
                }
                any = true;
                CredentialMatch m = c.match();
                report(
                        c,
                        "credential " + m.kind().id() + " " + m.start(),
                        c.where(),
                        property()
                                + " holds "
                                + Advice.withArticle(c.detail())
                                + " written in the template"
                                + via(c.piece())
                                + ". "
                                + replacement(),
                        c.radius(),
                        m.secret());
            }
            return any;
        }

        private void knownProperty(
                ValueSecrets.Alternative a, SecretSlices.Slice slice, boolean credentialReported) {
            String what =
                    isSecretString()
                            ? "Field " + slice.name() + " of the SecretString of " + resource.type()
                            : property();
            for (ValueSecrets.Reference r : a.references()) {
                if (r.ref().isSsm() && slice.contains(r.ref().offset())) {
                    report(
                            r,
                            "ssm " + slice.name(),
                            r.where(),
                            what
                                    + " is resolved from {{resolve:ssm:"
                                    + r.ref().readableKey()
                                    + "}}, a plaintext String parameter. "
                                    + replacement(),
                            radius(slice),
                            null);
                }
            }
            Optional<ValueSecrets.Literal> literal =
                    credentialReported ? Optional.empty() : a.literalIn(slice);
            for (ValueSecrets.Answer piece : a.pieces()) {
                if (piece instanceof ValueSecrets.SsmParameter s
                        && s.parameter() != null
                        && slice.parts().contains(s.part())) {
                    String name = s.detail();
                    report(
                            s,
                            "ssm-parameter " + name,
                            s.where()
                                    .with(
                                            s.parameter().key().span(),
                                            "Parameter "
                                                    + name
                                                    + " reads a plaintext String parameter"),
                            what
                                    + " comes from Parameter "
                                    + name
                                    + " of type "
                                    + s.parameter().type()
                                    + ", which resolves a plaintext String parameter. "
                                    + replacement(),
                            radius(slice),
                            null);
                } else if (piece instanceof ValueSecrets.FromParameter p
                        && !p.parameter().noEcho()
                        && literal.isEmpty()
                        && slice.parts().contains(p.part())) {
                    // A Default that is only a stand-in does not make the value any less echoed.
                    String name = p.detail();
                    report(
                            p,
                            "parameter " + name,
                            p.where()
                                    .with(
                                            p.parameter().key().span(),
                                            "Parameter "
                                                    + name
                                                    + " is declared here, without NoEcho"),
                            what
                                    + " comes from Parameter "
                                    + name
                                    + ", which is not NoEcho. Declare it with NoEcho: true and"
                                    + " no Default.",
                            radius(slice),
                            null);
                }
            }
            literal.ifPresent(
                    l ->
                            report(
                                    l,
                                    "literal " + slice.name(),
                                    l.where(),
                                    what
                                            + " is written in the template as a literal"
                                            + via(l.first())
                                            + ". "
                                            + replacement(),
                                    radius(slice),
                                    l.text()));
        }

        /**
         * A secret-named property of any resource, the value of an SSM parameter named like a
         * secret, or a Parameter passed to a nested stack whose child template uses it as a secret.
         */
        private void secretNamed(ValueSecrets.Alternative a) {
            if (!a.rendered().isLiteral()) {
                return;
            }
            // Asked only for a literal: reading a nested stack's child is the costly part.
            Optional<NestedSecretParameters.Use> childUse = childUse();
            Optional<ValueSecrets.Literal> literal =
                    secretName()
                            .or(() -> childUse.map(NestedSecretParameters.Use::name))
                            .flatMap(a::literalUnder);
            if (literal.isEmpty()) {
                return;
            }
            ValueSecrets.Literal l = literal.get();
            Part.Literal first = l.first();
            String what;
            if (isSsmParameterValue()) {
                what =
                        "SSM parameter "
                                + l.name()
                                + " holds a secret-looking value in plaintext, written in the template"
                                + via(first)
                                + " (CloudFormation creates only String parameters). Create a"
                                + " SecureString outside the template, or a Secrets Manager secret"
                                + " with a generated value.";
            } else if (childUse.isPresent() && !SecretNames.isSecretName(leaf.name())) {
                what =
                        property()
                                + " is used by the child template as a secret ("
                                + childUse.get().description()
                                + ") and is given a literal written in the template"
                                + via(first)
                                + ". "
                                + replacement();
            } else if (!SecretNames.isSecretName(leaf.name()) && isMarkedSecret()) {
                what =
                        property()
                                + " ("
                                + leaf.name()
                                + ") is marked IsValueSecret: true and holds a secret-looking literal written in the template"
                                + via(first)
                                + ". "
                                + replacement();
            } else {
                what =
                        property()
                                + " is named like "
                                + Advice.withArticle(l.detail())
                                + " and holds a literal written in the template"
                                + via(first)
                                + ". "
                                + replacement();
            }
            Where where = l.where();
            if (childUse.isPresent()) {
                NestedSecretParameters.Use use = childUse.get();
                where =
                        where.with(
                                use.file(),
                                use.span(),
                                "the child template uses the value here, as " + use.description());
            }
            report(l, "named", where, what, l.radius(), l.text());
        }

        /**
         * How the child template of a nested stack uses the Parameter this value is passed to, if
         * as a secret.
         */
        private Optional<NestedSecretParameters.Use> childUse() {
            if (!isNestedStackParameter()) {
                return Optional.empty();
            }
            return context.shared(NestedSecretParameters.SHARED)
                    .use(resource.logicalId(), leaf.name());
        }

        /**
         * The secret name this value is under: its key or pair name, or an SSM parameter's Name.
         */
        private Optional<String> secretName() {
            if (isSsmParameterValue()) {
                return resource.properties().getString("Name").filter(SecretNames::isSecretName);
            }
            if (isReferencePair()) {
                return Optional.empty();
            }
            return Optional.of(leaf.name())
                    .filter(n -> SecretNames.isSecretName(n) || isMarkedSecret());
        }

        private boolean isMarkedSecret() {
            return SecretProperties.isMarkedSecret(resource.type(), leaf);
        }

        /**
         * CodeBuild-style {@code {Name, Value, Type: PARAMETER_STORE|SECRETS_MANAGER}}: the value
         * is a reference.
         */
        private boolean isReferencePair() {
            if (!leaf.path().endsWith(".Value")) {
                return false; // asked first: finding the Type reads the whole map
            }
            String type = leaf.siblings().getString("Type").orElse("");
            return type.equals("PARAMETER_STORE") || type.equals("SECRETS_MANAGER");
        }

        private boolean isSsmParameterValue() {
            return resource.type().equals("AWS::SSM::Parameter") && leaf.path().equals("Value");
        }

        private boolean isSecretString() {
            return resource.type().equals("AWS::SecretsManager::Secret")
                    && leaf.path().equals("SecretString");
        }

        private boolean keyIdNearby() {
            return keyIdIn.computeIfAbsent(
                    leaf.siblings(),
                    siblings ->
                            siblings.entries().stream()
                                    .anyMatch(
                                            e ->
                                                    e.value() instanceof ScalarNode s
                                                            && CredentialSearchCache.hasAwsKeyId(
                                                                    context, s.value())));
        }

        /**
         * A value under {@code Parameters} of a nested stack: what the parent passes to the child.
         */
        private boolean isNestedStackParameter() {
            return NestedStacks.isNestedStack(resource)
                    && leaf.path().equals("Parameters." + leaf.name());
        }

        private String property() {
            if (isNestedStackParameter()) {
                return "Parameter "
                        + leaf.name()
                        + " passed to nested stack "
                        + resource.logicalId();
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
            if (context.inCdkApp()) {
                return isSecretString()
                        ? "Let the Secret generate it (generateSecretString), not secretStringValue"
                                + " or secretObjectValue with SecretValue.unsafePlainText."
                        : CdkAdvice.generatedSecret(type, path);
            }
            if (isSecretString()) {
                return "Let Secrets Manager generate the value (GenerateSecretString with SecretStringTemplate and "
                        + "GenerateStringKey) or set it outside the template.";
            }
            StringBuilder b =
                    new StringBuilder(
                            "Resolve it at deploy time with {{resolve:secretsmanager:…}}");
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

        /** Reports {@code answer} once per value; {@code concern} names it in the fingerprint. */
        private void report(
                ValueSecrets.Answer answer,
                String concern,
                Where where,
                String message,
                BlastRadius radius,
                String secret) {
            if (!reported.add(answer.key())) {
                return;
            }
            RuleContext.Builder finding =
                    context.report(id())
                            .resource(resource)
                            .message(message)
                            .securitySeverity(radius.securitySeverity())
                            .value(
                                    concern
                                            + "\n"
                                            + leaf.path()
                                            + (secret == null
                                                    ? ""
                                                    : "\n" + Fingerprint.shapeOf(secret)));
            if (secret != null) {
                finding.secret(secret);
            }
            where.addTo(finding);
            finding.add();
        }
    }

    private static String via(Part.Literal piece) {
        return piece.viaParameter() != null
                ? " (in the Default of Parameter " + piece.viaParameter() + ")"
                : "";
    }
}
