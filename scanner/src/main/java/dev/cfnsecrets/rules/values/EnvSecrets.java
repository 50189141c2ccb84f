package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.Entropy;
import dev.cfnsecrets.secrets.NotASecret;
import dev.cfnsecrets.secrets.SecretNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What secrets the environment of a function or task definition holds, once for all the rules that
 * report on it and for those that ask which variables hold one. Every alternative a value
 * can deploy as is examined ({@code Fn::If} branches, Mapping candidates), with the literal pieces
 * that come from Parameter defaults, Mappings and {@code Fn::Sub}/{@code Fn::Join} pieces.
 *
 * <p>One value, one finding per concern (docs/architecture.md#engine-rule-families-value-analysis): a variable with a credential of a known format
 * is not reported again as a secret-named literal or as fed from a Parameter, and a secret-named
 * literal is not reported again as fed from a Parameter.
 */
public final class EnvSecrets {
    private EnvSecrets() {
    }

    /** A variable that holds a secret, and why, in words a message can use ("the value of Parameter X"). */
    public record SecretVariable(EnvVariable variable, String why) {
        public String name() {
            return variable.name();
        }
    }

    /**
     * The concerns of each resource of the template, filled as rules ask: several
     * rules read them, so each environment is examined once per document.
     */
    private static final Shared<Map<Resource, List<EnvConcern>>> CONCERNS =
            new Shared<>(scope -> new IdentityHashMap<>());

    /** The variables of {@code resource} that hold a secret, each with the first reason found. */
    public static List<SecretVariable> secretVariables(RuleContext context, Resource resource) {
        return secretVariables(concerns(context, resource));
    }

    private static List<SecretVariable> secretVariables(List<EnvConcern> concerns) {
        Map<EnvVariable, SecretVariable> byVariable = new LinkedHashMap<>();
        for (EnvConcern c : concerns) {
            byVariable.putIfAbsent(c.variable(), new SecretVariable(c.variable(), why(c)));
        }
        return List.copyOf(byVariable.values());
    }

    private static String why(EnvConcern c) {
        return switch (c.kind()) {
            case CREDENTIAL -> Advice.withArticle(c.detail()) + " written in the template";
            case SECRET_LITERAL -> "a literal value";
            case SECRET_PARAMETER -> "the value of Parameter " + c.detail();
            case PLAINTEXT_SSM -> c.detail() + ", a plaintext String parameter resolved into the configuration";
            case RESOLVED_SECRET -> c.detail() + ", resolved into the configuration";
        };
    }

    /** The concerns of the environment of {@code resource}, found once per document. */
    public static List<EnvConcern> concerns(RuleContext context, Resource resource) {
        return context.shared(CONCERNS).computeIfAbsent(resource, r -> examine(context, r));
    }

    private static List<EnvConcern> examine(RuleContext context, Resource resource) {
        List<EnvVariable> variables = EnvVariables.of(resource);
        boolean keyIdNearby = variables.stream().anyMatch(v -> holdsAwsKeyId(context, v));
        List<EnvConcern> concerns = new ArrayList<>();
        for (EnvVariable v : variables) {
            concerns.addAll(new Classification(context, v, keyIdNearby).run());
        }
        return List.copyOf(concerns);
    }

    private static boolean holdsAwsKeyId(RuleContext context, EnvVariable v) {
        return context.evaluator().evaluate(v.value()).alternatives().stream()
                .anyMatch(t -> CredentialSearchCache.hasAwsKeyId(context, Rendered.of(t).detectable()));
    }

    /** The concerns of one variable. */
    private static final class Classification {
        private final RuleContext context;
        private final Template template;
        private final Evaluator evaluator;
        private final EnvVariable variable;
        private final boolean keyIdNearby;
        private final Map<String, EnvConcern> found = new LinkedHashMap<>();

        Classification(RuleContext context, EnvVariable variable, boolean keyIdNearby) {
            this.context = context;
            this.template = context.template().orElseThrow();
            this.evaluator = context.evaluator();
            this.variable = variable;
            this.keyIdNearby = keyIdNearby;
        }

        List<EnvConcern> run() {
            for (Value.Text alternative : evaluator.evaluate(variable.value()).alternatives()) {
                Rendered rendered = Rendered.of(alternative);
                if (!rendered.isNoValue()) {
                    examine(rendered);
                }
            }
            return withPrecedence();
        }

        private void examine(Rendered r) {
            credentials(r);
            references(r);
            unknowns(r);
            secretNamed(r);
        }

        private void credentials(Rendered r) {
            CredentialDetector.Context near = new CredentialDetector.Context(variable.name(), keyIdNearby);
            for (CredentialMatch m : CredentialSearchCache.find(context, r.detectable(), near)) {
                r.literalAt(m.start()).ifPresent(piece -> add(EnvConcern.Kind.CREDENTIAL,
                        Where.of(variable.value(), piece, m.secret(), template.source()),
                        m.kind().label(), m.kind().blastRadius(), List.of(m.secret())));
            }
        }

        private void references(Rendered r) {
            for (Rendered.Reference ref : r.references()) {
                Where where = Where.of(variable.value(), ref.at());
                String written = "{{resolve:" + ref.service() + ":" + ref.readableKey() + "}}";
                if (ref.isSecretsManager() && resolvesSecret(ref)) {
                    add(EnvConcern.Kind.RESOLVED_SECRET, where, written, radiusOf(variable.name()), List.of());
                } else if (ref.isSsm() && (isSecretName(variable.name()) || isSecretName(ssmName(ref.key())))) {
                    add(EnvConcern.Kind.PLAINTEXT_SSM, where, written, radiusOf(variable.name()), List.of());
                }
            }
        }

        /**
         * Whether a {@code secretsmanager} reference brings a secret: the whole secret, or a JSON key or
         * variable named like one — not {@code …:SecretString:username} into {@code DB_USER}.
         */
        private boolean resolvesSecret(Rendered.Reference ref) {
            String jsonKey = jsonKey(ref.key());
            return jsonKey.isEmpty() || isSecretName(jsonKey) || isSecretName(variable.name());
        }

        private void unknowns(Rendered r) {
            for (Part.Unknown u : r.value().unknowns()) {
                if (u.kind() == Part.Unknown.Kind.SSM_PARAMETER
                        && (isSecretName(variable.name()) || isSecretName(u.name()))) {
                    Where where = Where.of(variable.value(), u);
                    Parameter p = template.parameters().get(u.name());
                    add(EnvConcern.Kind.PLAINTEXT_SSM, p == null ? where : where.with(p.key().span(),
                                    "Parameter " + u.name() + " reads a plaintext String parameter from Parameter Store"),
                            "Parameter " + u.name() + " (type " + (p == null ? "AWS::SSM::Parameter::Value" : p.type()) + ")",
                            radiusOf(variable.name()), List.of());
                }
                if (u.kind() == Part.Unknown.Kind.ATTRIBUTE) {
                    SecretAttributes.of(template, u.name()).ifPresent(secret -> add(EnvConcern.Kind.RESOLVED_SECRET,
                            Where.of(variable.value(), u), secret.description(), secret.radius(), List.of()));
                }
            }
        }

        private void secretNamed(Rendered r) {
            Set<String> parameters = parameters(r);
            Optional<String> secretName = isSecretName(variable.name()) ? Optional.of(variable.name())
                    : parameters.stream().filter(EnvSecrets::isSecretName).findFirst();
            if (secretName.isEmpty()) {
                return;
            }
            if (r.isLiteral() && looksLikeSecretValue(context, secretName.get(), r.text())) {
                Part.Literal first = r.value().literals().stream().filter(l -> !l.text().isBlank()).findFirst().orElseThrow();
                add(EnvConcern.Kind.SECRET_LITERAL, Where.of(variable.value(), first),
                        SecretNames.secretWord(secretName.get()).orElse("secret"), radiusOf(secretName.get()), List.of(r.text()));
                return;
            }
            boolean wholeValue = parameters.size() == 1
                    && r.value().parts().stream().allMatch(p -> !r.insideReference(p) && fromParameter(p) != null);
            if (!parameters.isEmpty() && (wholeValue || parameters.stream().anyMatch(EnvSecrets::isSecretName))) {
                Where where = Where.at(variable.value());
                for (String name : parameters) {
                    Parameter p = template.parameters().get(name);
                    where = where.with(p.key().span(), "Parameter " + name + " is declared here"
                            + (p.noEcho() ? " (NoEcho hides it from the console, not from the function configuration)" : ""));
                }
                add(EnvConcern.Kind.SECRET_PARAMETER, where, String.join(", ", parameters), radiusOf(secretName.get()),
                        List.of());
            }
        }

        private void add(EnvConcern.Kind kind, Where where, String detail, BlastRadius radius, List<String> secrets) {
            found.putIfAbsent(kind + "\u0000" + where.span() + "\u0000" + detail,
                    new EnvConcern(kind, variable, where, detail, radius, secrets));
        }

        private List<EnvConcern> withPrecedence() {
            boolean credential = found.values().stream().anyMatch(c -> c.kind() == EnvConcern.Kind.CREDENTIAL);
            boolean literal = found.values().stream().anyMatch(c -> c.kind() == EnvConcern.Kind.SECRET_LITERAL);
            return found.values().stream()
                    .filter(c -> !(credential && (c.kind() == EnvConcern.Kind.SECRET_LITERAL
                            || c.kind() == EnvConcern.Kind.SECRET_PARAMETER)))
                    .filter(c -> !(literal && c.kind() == EnvConcern.Kind.SECRET_PARAMETER))
                    .toList();
        }

        /**
         * Parameters the value is built from: without Default (unknown) or through their Default; not
         * those that only name the secret of an assembled dynamic reference.
         */
        private Set<String> parameters(Rendered r) {
            Set<String> names = new LinkedHashSet<>();
            for (Part p : r.value().parts()) {
                String name = r.insideReference(p) ? null : fromParameter(p);
                if (name != null && template.parameters().containsKey(name)) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    /** The Parameter a piece comes from, or null. */
    private static String fromParameter(Part p) {
        if (p instanceof Part.Unknown u) {
            return u.kind() == Part.Unknown.Kind.PARAMETER ? u.name() : null;
        }
        if (p instanceof Part.Literal l) {
            return l.viaParameter();
        }
        return ((Part.DynamicReference) p).viaParameter();
    }

    /**
     * Whether a literal behind a secret name is a secret: not a reference, identifier, placeholder,
     * number or boolean, not allowed by the configuration, and — unless the name says password,
     * whose values are chosen by people — random-looking (entropy, measured thresholds in {@link Entropy}).
     */
    public static boolean looksLikeSecretValue(RuleContext context, String name, String literal) {
        return literal.length() <= MAX_SECRET_LENGTH && NotASecret.why(literal).isEmpty()
                && !CredentialSearchCache.isAllowed(context, literal)
                && (SecretNames.isPasswordName(name) || Entropy.looksRandom(literal));
    }

    /**
     * Longer values are data, not a password or token behind a name (a whole Lambda environment is at
     * most 4 KB; PEM keys, the longest secrets, are found by format).
     */
    static final int MAX_SECRET_LENGTH = 4096;

    static boolean isSecretName(String name) {
        return SecretNames.isSecretName(name);
    }

    static BlastRadius radiusOf(String name) {
        return SecretNames.blastRadius(name);
    }

    /**
     * The json-key of a {@code secretsmanager} reference key ({@code secret-id:SecretString:json-key:…},
     * the secret id possibly an ARN with colons of its own), or "" when the whole secret is resolved.
     */
    static String jsonKey(String key) {
        String rest = key;
        if (rest.startsWith("arn:")) {
            // arn:partition:secretsmanager:region:account:secret:name — seven fields.
            String[] fields = rest.split(":", -1);
            rest = fields.length > 7 ? String.join(":", Arrays.copyOfRange(fields, 7, fields.length)) : "";
        } else {
            int colon = rest.indexOf(':');
            rest = colon < 0 ? "" : rest.substring(colon + 1);
        }
        String[] fields = rest.split(":", -1);
        return fields.length > 1 ? fields[1] : "";
    }

    /** The last path segment of an SSM parameter key, without a version: {@code /app/db-password:3} → {@code db-password}. */
    static String ssmName(String key) {
        String name = key.replaceFirst(":\\d+$", "");
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
