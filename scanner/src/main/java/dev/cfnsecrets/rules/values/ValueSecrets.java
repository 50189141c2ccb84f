package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialKind;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.Entropy;
import dev.cfnsecrets.secrets.NotASecret;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What secret a template value holds: the one answer every rule that reports a secret value shares
 * — the environment's rules and the readers of function configurations through {@link EnvSecrets},
 * the rules of Outputs and Metadata, of secret Parameters and of resource properties — and what the
 * reports hide ({@link LineSecrets}, {@link DocumentSecrets}). A change to what counts as a secret
 * is made here, once.
 *
 * <p>Asked about a value — an evaluated node and the name it is under (a variable, a property, an
 * Output) — it answers for every way the value can deploy ({@code Fn::If} branches, Mapping
 * candidates, Parameter Defaults; an {@code AWS::NoValue} branch deploys nothing and is left out),
 * each answer with where it is ({@link Where}: the piece written in the value, or the value with a
 * related location where a Default or Mapping writes it):
 *
 * <ul>
 *   <li>{@link Credential}: a credential of a known format written in the template, with its blast
 *       radius — found in the rendered value, where a piece known only at deploy time is a gap (a
 *       URL's password before an unknown host), and also a secret-named variable of a two-argument
 *       {@code Fn::Sub} ({@code {DbPassword: "…"}}) whose literal looks like a secret under that
 *       name;
 *   <li>{@link Literal}: a literal that looks like a secret under a secret name ({@link
 *       #looksLikeSecretValue}), or any literal but a stand-in in a property that holds a secret by
 *       definition ({@link #isStandIn});
 *   <li>{@link FromParameter} and {@link ThroughParameters}: pieces passed through template
 *       Parameters;
 *   <li>{@link SsmParameter}: a Parameter of type {@code AWS::SSM::Parameter::Value<…>} (a
 *       plaintext String);
 *   <li>{@link Reference}: a dynamic reference ({@code secretsmanager}, {@code ssm}, {@code
 *       ssm-secure}), with whether it brings a secret under this name;
 *   <li>{@link SecretAttribute}: a resource attribute that is a secret ({@code SecretAccessKey},
 *       …).
 * </ul>
 *
 * Values it leaves alone: what points at a secret rather than being one (ARNs, secret names, SSM
 * paths), identifiers, placeholders and KMS ciphertext ({@link NotASecret}); text not random enough
 * to be a token behind a name that does not say password ({@link Entropy}); a literal under a name
 * that does not say secret (a hash, a checksum) unless it holds a credential of a known format; and
 * what the configuration allows ({@code allow:}).
 *
 * <p>One dedupe key for every rule: {@link Answer#key()} — the kind of answer, where it is and what
 * it is. A rule reports an answer of a value once across its alternatives, the first found
 * surviving. Which answers a rule reports, which take precedence in it, and in what words, are the
 * rule's.
 */
public final class ValueSecrets {
    private final RuleContext context;
    private final Template template;
    private final Node node;
    private final String name;
    private final boolean keyIdNearby;

    private ValueSecrets(RuleContext context, Node node, String name, boolean keyIdNearby) {
        this.context = context;
        this.template = context.template().orElseThrow();
        this.node = node;
        this.name = name;
        this.keyIdNearby = keyIdNearby;
    }

    /**
     * The value of {@code node}, under {@code name}; {@code keyIdNearby} when an AWS access key id
     * is written next to it (a 40-character secret key is then recognised by its neighbour).
     */
    public static ValueSecrets of(
            RuleContext context, Node node, String name, boolean keyIdNearby) {
        return new ValueSecrets(context, node, name, keyIdNearby);
    }

    /** One answer about a value. */
    public sealed interface Answer
            permits Credential,
                    Literal,
                    FromParameter,
                    ThroughParameters,
                    SsmParameter,
                    Reference,
                    SecretAttribute {
        Where where();

        /** What the answer is, in words a message can use. */
        String detail();

        /**
         * The one dedupe key: the same secret found again (in another alternative) has the same
         * key. Where it is written counts too — a secret written elsewhere (each candidate of a
         * Mapping, each Default) is reported at the value with a related location of its own.
         */
        default String key() {
            return getClass().getSimpleName()
                    + "\u0000"
                    + where().span()
                    + "\u0000"
                    + where().related().stream().map(r -> r.span().toString()).toList()
                    + "\u0000"
                    + detail();
        }
    }

    /** A credential of a known format, in literal {@code piece}. */
    public record Credential(CredentialMatch match, Part.Literal piece, Where where)
            implements Answer {
        public String detail() {
            return match.kind().label();
        }

        public BlastRadius radius() {
            return match.kind().blastRadius();
        }

        /**
         * Whether it is a secret under a key of a document the value holds ({@link InnerSecrets}).
         */
        public boolean inDocument() {
            return match.kind().id().equals(InnerSecrets.KIND);
        }
    }

    /**
     * A literal {@code text} that is a secret under {@code name}; {@code first} its first non-blank
     * piece.
     */
    public record Literal(String name, Part.Literal first, String text, Where where)
            implements Answer {
        /** The word of the name that says secret ("password", "token"), or "secret". */
        public String detail() {
            return SecretNames.secretWord(name).orElse("secret");
        }

        public BlastRadius radius() {
            return SecretNames.blastRadius(name);
        }
    }

    /**
     * A piece (a Parameter without Default, or its Default's text) passed through {@code
     * parameter}.
     */
    public record FromParameter(Part part, Parameter parameter, Where where) implements Answer {
        public String detail() {
            return parameter.name();
        }
    }

    /**
     * A value under a secret name ({@code secretName}: the value's, or a Parameter's) built from
     * the {@code parameters} — all of it from one, or through a secret-named one; reported at the
     * value.
     */
    public record ThroughParameters(String secretName, List<String> parameters, Where where)
            implements Answer {
        public String detail() {
            return String.join(", ", parameters);
        }
    }

    /**
     * A Parameter of type {@code AWS::SSM::Parameter::Value<…>}; {@code parameter} null when
     * undeclared.
     */
    public record SsmParameter(Part.Unknown part, Parameter parameter, Where where)
            implements Answer {
        public String detail() {
            return part.name();
        }

        /** The Parameter and its type, in words. */
        String described() {
            return "Parameter "
                    + part.name()
                    + " (type "
                    + (parameter == null ? "AWS::SSM::Parameter::Value" : parameter.type())
                    + ")";
        }
    }

    /**
     * A dynamic reference; {@code secret} when it brings a secret under the value's name: a {@code
     * secretsmanager} reference to the whole secret or to a secret-named JSON key (not {@code
     * …:SecretString:username} into {@code DB_USER}), an {@code ssm} reference under a secret name
     * or to a secret-named parameter.
     */
    public record Reference(Rendered.Reference ref, boolean secret, Where where) implements Answer {
        public String detail() {
            return "{{resolve:" + ref.service() + ":" + ref.readableKey() + "}}";
        }
    }

    /** A resource attribute that is a secret, resolved by CloudFormation at deploy time. */
    public record SecretAttribute(Part.Unknown part, SecretAttributes.Secret secret, Where where)
            implements Answer {
        public String detail() {
            return secret.description();
        }
    }

    /** Each way the value can deploy, without the {@code AWS::NoValue} branches. */
    public List<Alternative> alternatives() {
        Map<Node, List<Rendered>> rendered = context.shared(DEPLOYABLE);
        List<Rendered> deployable = rendered.get(node);
        if (deployable == null) { // not computeIfAbsent: its argument would be made on each call
            deployable = render();
            rendered.put(node, deployable);
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (Rendered way : deployable) {
            alternatives.add(new Alternative(way));
        }
        return alternatives;
    }

    /**
     * The rendered ways each value of the document can deploy: several rules ask about the same
     * property (CFS104, CFS108 and CFS111 about every one), and the evaluator remembers the value
     * but rendering it is each rule's again. The same node always evaluates the same.
     */
    private static final Shared<Map<Node, List<Rendered>>> DEPLOYABLE =
            new Shared<>(scope -> new IdentityHashMap<>());

    private List<Rendered> render() {
        List<Rendered> deployable = new ArrayList<>();
        for (Value.Text text : context.evaluator().evaluate(node).alternatives()) {
            Rendered rendered = Rendered.of(text);
            if (!rendered.isNoValue()) {
                deployable.add(rendered);
            }
        }
        return List.copyOf(deployable);
    }

    /** The answers about one way the value can deploy. */
    public final class Alternative {
        private final Rendered rendered;

        private Alternative(Rendered rendered) {
            this.rendered = rendered;
        }

        public Rendered rendered() {
            return rendered;
        }

        public List<Credential> credentials() {
            String detectable = rendered.detectable();
            List<Credential> found = new ArrayList<>();
            CredentialDetector.Context near = new CredentialDetector.Context(name, keyIdNearby);
            for (CredentialMatch m : CredentialSearchCache.find(context, detectable, near)) {
                rendered.literalAt(m.start())
                        .ifPresent(
                                piece ->
                                        found.add(
                                                new Credential(
                                                        m,
                                                        piece,
                                                        Where.of(
                                                                node,
                                                                piece,
                                                                m.secret(),
                                                                template.source()))));
            }
            found.addAll(inDocument(detectable, found));
            subVariables(found);
            return found;
        }

        /**
         * The literal values of the secret-named variables of a two-argument {@code Fn::Sub}
         * ({@code {DbPassword: "…"}}) that look like secrets under the variable's name, unless a
         * credential was found in them already or the whole value is that literal under a secret
         * name of its own (then it is {@link #literalUnder}'s). A value that points at a secret (an
         * ARN, a dynamic reference it assembles) names its secret in such a variable ({@code
         * …:secret:${DbSecret}}): that is no secret.
         */
        private void subVariables(List<Credential> found) {
            if (node instanceof ScalarNode) {
                return; // a written scalar is no Fn::Sub, and most values are one
            }
            List<Rendered.SubVariable> variables = rendered.subVariables();
            // Most values have no variable map: the name is only read for those that do.
            if (variables.isEmpty()
                    || rendered.text().startsWith("arn:")
                    || rendered.isLiteral() && SecretNames.isSecretName(name)) {
                return;
            }
            for (Rendered.SubVariable v : variables) {
                Optional<Part.Literal> first = v.literal();
                if (first.isEmpty()
                        || !SecretNames.isSecretName(v.name())
                        || rendered.insideReference(first.get())
                        || found.stream()
                                .anyMatch(
                                        c ->
                                                c.match().start() < v.end()
                                                        && c.match().end() > v.start())) {
                    continue;
                }
                String text = rendered.text().substring(v.start(), v.end());
                Optional<String> why = whyNotSecret(context, v.name(), text);
                if (why.isPresent()) {
                    judgedNotSecret(v.name() + " (a Fn::Sub variable)", first.get().span(), why);
                    continue;
                }
                CredentialKind kind =
                        new CredentialKind(
                                "sub-variable",
                                SecretNames.secretWord(v.name()).orElse("secret")
                                        + " in Fn::Sub variable "
                                        + v.name(),
                                SecretNames.blastRadius(v.name()));
                found.add(
                        new Credential(
                                new CredentialMatch(kind, v.start(), v.end(), text),
                                first.get(),
                                Where.of(node, first.get(), text, template.source())));
            }
        }

        /**
         * The secrets under secret-named keys of a document the value holds ({@link InnerSecrets}),
         * at their value's exact place, but none where a credential of a known format was found
         * already (a connection string's password). At most {@link #MAX_DOCUMENT_SECRETS}: placing
         * each costs a look through the piece.
         */
        private List<Credential> inDocument(String detectable, List<Credential> known) {
            List<Credential> found = new ArrayList<>();
            for (CredentialMatch m : InnerSecrets.in(context, detectable)) {
                if (found.size() == MAX_DOCUMENT_SECRETS) {
                    break;
                }
                boolean overlaps =
                        known.stream()
                                .anyMatch(
                                        k ->
                                                k.match().start() < m.end()
                                                        && m.start() < k.match().end());
                Optional<Part.Literal> piece = rendered.literalAt(m.start());
                if (!overlaps && piece.isPresent()) {
                    int before = occurrencesBefore(piece.get(), m);
                    found.add(
                            new Credential(
                                    m,
                                    piece.get(),
                                    Where.of(
                                            node,
                                            piece.get(),
                                            m.secret(),
                                            before,
                                            template.source())));
                }
            }
            return found;
        }

        /**
         * How often the secret's text is written in its piece before it: the value of {@code
         * {"user":"x9Kq…","pass":"x9Kq…"}} is the second, not the user.
         */
        private int occurrencesBefore(Part.Literal piece, CredentialMatch m) {
            int pieceStart = rendered.startOf(piece);
            String text = piece.text();
            int count = 0;
            for (int at = text.indexOf(m.secret());
                    at >= 0 && at < m.start() - pieceStart;
                    at = text.indexOf(m.secret(), at + 1)) {
                count++;
            }
            return count;
        }

        public List<Reference> references() {
            List<Reference> found = new ArrayList<>();
            for (Rendered.Reference ref : rendered.references()) {
                boolean secret =
                        ref.isSecretsManager()
                                ? bringsSecret(ref)
                                : ref.isSsm()
                                        && (SecretNames.isSecretName(name)
                                                || SecretNames.isSecretName(ssmName(ref.key())));
                found.add(new Reference(ref, secret, Where.of(node, ref.at())));
            }
            return found;
        }

        private boolean bringsSecret(Rendered.Reference ref) {
            String jsonKey = jsonKey(ref.key());
            return jsonKey.isEmpty()
                    || SecretNames.isSecretName(jsonKey)
                    || SecretNames.isSecretName(name);
        }

        /**
         * What the pieces of the value come from, in their order: {@link FromParameter} (a
         * Parameter without Default, or text of its Default), {@link SsmParameter} and {@link
         * SecretAttribute}.
         */
        public List<Answer> pieces() {
            List<Answer> found = new ArrayList<>();
            for (Part p : rendered.value().parts()) {
                String parameter =
                        p instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.PARAMETER
                                ? u.name()
                                : p instanceof Part.Literal l ? l.viaParameter() : null;
                Parameter declared =
                        parameter == null ? null : template.parameters().get(parameter);
                if (declared != null) {
                    found.add(new FromParameter(p, declared, Where.of(node, p)));
                }
                if (p instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.SSM_PARAMETER) {
                    found.add(
                            new SsmParameter(
                                    u, template.parameters().get(u.name()), Where.of(node, u)));
                }
                if (p instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.ATTRIBUTE) {
                    SecretAttributes.of(template, u.name())
                            .ifPresent(
                                    secret ->
                                            found.add(
                                                    new SecretAttribute(
                                                            u, secret, Where.of(node, u))));
                }
            }
            return found;
        }

        /** The value, all literal, when it looks like a secret under {@code secretName}. */
        public Optional<Literal> literalUnder(String secretName) {
            if (!rendered.isLiteral()) {
                return Optional.empty();
            }
            Optional<String> why = whyNotSecret(context, secretName, rendered.text());
            if (why.isPresent()) {
                judgedNotSecret(secretName, node.span(), why);
                return Optional.empty();
            }
            return literal(secretName, rendered.value().parts(), rendered.text());
        }

        /** Tells {@code --verbose} why the literal under {@code what} at {@code at} is none. */
        private void judgedNotSecret(String what, Span at, Optional<String> why) {
            context.judgedNotSecret(
                    what
                            + " at "
                            + template.source().path()
                            + ":"
                            + at.startLine()
                            + ":"
                            + at.startColumn()
                            + ": "
                            + why.get());
        }

        /**
         * The slice of a property that holds a secret by definition, when it is a literal and no
         * stand-in.
         */
        public Optional<Literal> literalIn(SecretSlices.Slice slice) {
            if (slice.literal() == null || isStandIn(context, slice.literal())) {
                return Optional.empty();
            }
            return literal(slice.name(), slice.parts(), slice.literal());
        }

        private Optional<Literal> literal(String secretName, List<Part> parts, String text) {
            return parts.stream()
                    .filter(Part.Literal.class::isInstance)
                    .map(Part.Literal.class::cast)
                    .filter(l -> !l.text().isBlank())
                    .findFirst()
                    .map(first -> new Literal(secretName, first, text, Where.of(node, first)));
        }

        /**
         * The value fed from Parameters under a secret name: the value's own, or that of a
         * Parameter it is built from. Reported when the whole value is one Parameter or a Parameter
         * is named like a secret; Parameters that only name the secret of an assembled dynamic
         * reference are left out.
         */
        Optional<ThroughParameters> throughParameters() {
            Set<String> parameters = parameters();
            Optional<String> secretName = secretName();
            boolean wholeValue =
                    parameters.size() == 1
                            && rendered.value().parts().stream()
                                    .allMatch(
                                            p ->
                                                    !rendered.insideReference(p)
                                                            && fromParameter(p) != null);
            if (secretName.isEmpty()
                    || parameters.isEmpty()
                    || !(wholeValue || parameters.stream().anyMatch(SecretNames::isSecretName))) {
                return Optional.empty();
            }
            Where where = Where.at(node);
            for (String parameter : parameters) {
                Parameter p = template.parameters().get(parameter);
                where =
                        where.with(
                                p.key().span(),
                                "Parameter "
                                        + parameter
                                        + " is declared here"
                                        + (p.noEcho()
                                                ? " (NoEcho hides it from the console, not from the function configuration)"
                                                : ""));
            }
            return Optional.of(
                    new ThroughParameters(secretName.get(), List.copyOf(parameters), where));
        }

        /**
         * The secret name the value is under: its own, or else that of a Parameter it is built
         * from.
         */
        public Optional<String> secretName() {
            return SecretNames.isSecretName(name)
                    ? Optional.of(name)
                    : parameters().stream().filter(SecretNames::isSecretName).findFirst();
        }

        /** The declared Parameters the value is built from, outside dynamic references. */
        private Set<String> parameters() {
            Set<String> names = new LinkedHashSet<>();
            for (Part p : rendered.value().parts()) {
                String parameter = rendered.insideReference(p) ? null : fromParameter(p);
                if (parameter != null && template.parameters().containsKey(parameter)) {
                    names.add(parameter);
                }
            }
            return names;
        }
    }

    /** More secrets in one value are not reported one by one (the value is reported anyway). */
    static final int MAX_DOCUMENT_SECRETS = 20;

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
     * The credentials of known formats in a text on its own (a Parameter's Default), without a
     * name.
     */
    public static List<CredentialMatch> credentialsIn(RuleContext context, String text) {
        return CredentialSearchCache.find(context, text, CredentialDetector.Context.NONE);
    }

    /**
     * Whether a literal behind a secret name is a secret ({@link #whyNotSecret} has no reason
     * against it).
     */
    public static boolean looksLikeSecretValue(RuleContext context, String name, String literal) {
        return whyNotSecret(context, name, literal).isEmpty();
    }

    /**
     * Why a literal behind a secret name is not a secret, in words, or empty when it is one. Never
     * a secret: a reference, placeholder, number, boolean or the like ({@link NotASecret}), or what
     * the configuration allows. Under a password-like name ({@link SecretNames#isPasswordName})
     * anything else is a secret — people choose passwords, and {@code MyCompany_2024} is one even
     * though it reads like an identifier ({@link #isChosenPassword}). Under other secret names a
     * value that reads like an identifier is taken for one unless it mixes upper case, lower case
     * and digits, and otherwise the value must look random (entropy, measured thresholds in {@link
     * Entropy}).
     */
    static Optional<String> whyNotSecret(RuleContext context, String name, String literal) {
        if (literal.length() > MAX_SECRET_LENGTH) {
            return Optional.of("longer than a secret behind a name");
        }
        // Most values have a reason of their own: the name is only read for identifiers and the
        // values with none.
        Optional<String> why = NotASecret.why(literal);
        boolean identifier = why.isPresent() && why.get().equals(NotASecret.IDENTIFIER);
        boolean webhook =
                why.isPresent()
                        && why.get().equals(NotASecret.URL_WITHOUT_CREDENTIALS)
                        && isWebhookWithToken(name, literal);
        if (why.isPresent() && !identifier && !webhook) {
            return why;
        }
        boolean password = SecretNames.isPasswordName(name);
        if (identifier
                && !(password ? isChosenPassword(literal) : Entropy.mixesCaseAndDigits(literal))) {
            return why;
        }
        // The allow list counts the values it turned away (the scan reports how many).
        if (CredentialSearchCache.isAllowed(context, literal)) {
            return Optional.of("allowed by the configuration");
        }
        if (identifier
                || password
                || webhook
                || Entropy.looksRandom(literal)
                || Entropy.mixesCaseAndDigits(literal)) {
            return Optional.empty();
        }
        return Optional.of("not random enough to be a token");
    }

    /**
     * Whether a URL under a webhook's name ({@code ALERT_HOOK_URL}) carries a token in its path or
     * query, as every webhook does ({@code https://…/webhook/a8f3k29dk3l0s9d8f7g6h5j4}): a segment
     * of at least {@value #WEBHOOK_TOKEN_LENGTH} characters that looks random. A webhook of a known
     * format (Slack, Teams, Discord) is a credential of its own; {@code
     * https://api.acme.io/webhooks/github} is an address, not a secret.
     */
    private static boolean isWebhookWithToken(String name, String url) {
        if (!SecretNames.secretWord(name).filter("webhook URL"::equals).isPresent()) {
            return false;
        }
        int scheme = url.indexOf("://");
        int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (path < 0) {
            return false;
        }
        int from = path + 1;
        for (int i = from; i <= url.length(); i++) {
            if (i == url.length() || "/?&=#".indexOf(url.charAt(i)) >= 0) {
                String segment = url.substring(from, i);
                if (segment.length() >= WEBHOOK_TOKEN_LENGTH && Entropy.looksRandom(segment)) {
                    return true;
                }
                from = i + 1;
            }
        }
        return false;
    }

    /** The shortest token a webhook URL carries (generated webhook tokens are 20–64 long). */
    private static final int WEBHOOK_TOKEN_LENGTH = 16;

    /**
     * Whether a value that reads like an identifier is, under a password-like name, a password
     * someone chose ({@code CorrectHorseBatteryStaple}, {@code MyCompany_2024}): as long as
     * password policies ask (shorter ones such as {@code NoEcho} are names), and not itself the
     * name of a secret ({@code ParentMasterPassword}, {@code OrdersDbSecret}, written where a
     * {@code Ref} was meant).
     */
    private static boolean isChosenPassword(String literal) {
        return literal.length() >= Entropy.MIN_LENGTH && !namesASecret(literal);
    }

    /**
     * A secret name ending in a letter: {@code ParentMasterPassword} names a password, while {@code
     * SuperSecret123}, with digits after the word, is one.
     */
    private static boolean namesASecret(String literal) {
        return SecretNames.isSecretName(literal)
                && Character.isLetter(literal.charAt(literal.length() - 1));
    }

    /**
     * Longer values are data, not a password or token behind a name (a whole Lambda environment is
     * at most 4 KB; PEM keys, the longest secrets, are found by format).
     */
    static final int MAX_SECRET_LENGTH = 4096;

    /**
     * Whether a literal where a secret belongs (a known secret property, a secret Parameter's
     * Default) stands for a value rather than being one, or is declared not a secret by the
     * configuration.
     */
    public static boolean isStandIn(RuleContext context, String literal) {
        return literal.isBlank()
                || NotASecret.isStandIn(literal)
                || CredentialSearchCache.isAllowed(context, literal)
                || NotASecret.why(literal)
                        .filter(
                                r ->
                                        r.equals("an ARN")
                                                || r.equals("a dynamic reference")
                                                || r.startsWith("an Amazon identifier"))
                        .isPresent();
    }

    /**
     * The json-key of a {@code secretsmanager} reference key ({@code
     * secret-id:SecretString:json-key:…}, the secret id possibly an ARN with colons of its own), or
     * "" when the whole secret is resolved.
     */
    static String jsonKey(String key) {
        String rest = key;
        if (rest.startsWith("arn:")) {
            // arn:partition:secretsmanager:region:account:secret:name — seven fields.
            String[] fields = rest.split(":", -1);
            rest =
                    fields.length > 7
                            ? String.join(":", Arrays.copyOfRange(fields, 7, fields.length))
                            : "";
        } else {
            int colon = rest.indexOf(':');
            rest = colon < 0 ? "" : rest.substring(colon + 1);
        }
        String[] fields = rest.split(":", -1);
        return fields.length > 1 ? fields[1] : "";
    }

    /**
     * The last path segment of an SSM parameter key, without a version: {@code /app/db-password:3}
     * → {@code db-password}.
     */
    static String ssmName(String key) {
        String name = key.replaceFirst(":\\d+$", "");
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
