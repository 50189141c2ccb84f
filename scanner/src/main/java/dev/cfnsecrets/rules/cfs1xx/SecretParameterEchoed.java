package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.model.Parameter;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.TemplateRule;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvSecrets;
import dev.cfnsecrets.rules.values.PropertyWalker;
import dev.cfnsecrets.rules.values.SecretProperties;
import dev.cfnsecrets.rules.values.SecretSlices;
import dev.cfnsecrets.rules.values.ValueSecrets;
import dev.cfnsecrets.secrets.NotASecret;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CFS108: a secret Parameter without {@code NoEcho: true}, or with a {@code Default}. A Parameter
 * is secret when its name says so, when its Default holds a credential, or when it feeds a known
 * secret property or a secret-named environment variable. One finding per Parameter, at its name;
 * the fix adds {@code NoEcho: true}.
 */
final class SecretParameterEchoed extends TemplateRule {
    /** Default values that point at a secret rather than being one. */
    private static final Set<String> REFERENCE_DEFAULTS =
            Set.of(
                    "empty",
                    "an ARN",
                    "a dynamic reference",
                    "a Parameter Store path",
                    "a path or secret name",
                    "a URL without credentials",
                    "a null value");

    /** Defaults that show the Parameter takes where a secret is, not what it is. */
    private static final Set<String> POINTERS =
            Set.of(
                    "an ARN",
                    "a dynamic reference",
                    "a Parameter Store path",
                    "a path or secret name");

    /** A description that says the Parameter takes the secret's ARN or name, not its value. */
    private static final Pattern REFERENCE_DESCRIPTION =
            Pattern.compile(
                    "(?i)\\b(arn|name|id|identifier|path)\\s+(of|for)\\s+(the\\s+|a\\s+|an\\s+|your\\s+)?([\\w-]+\\s+)?"
                            + "(secret|parameter)|\\bsecret('s)?\\s+(arn|name|id)\\b");

    @Override
    public String id() {
        return "CFS108";
    }

    @Override
    protected void check(RuleContext context, Template template) {
        Map<String, Use> usedAsSecret = secretUses(context, template);
        for (Parameter p : template.parameters().values()) {
            if (p.type().startsWith("AWS::")
                    || p.type().startsWith("List<")
                    || p.type().equals("Number")) {
                continue;
            }
            Optional<String> defaultValue =
                    p.defaultValue()
                            .filter(ScalarNode.class::isInstance)
                            .map(n -> ((ScalarNode) n).value());
            Optional<String> credential =
                    defaultValue
                            .flatMap(
                                    d ->
                                            ValueSecrets.credentialsIn(context, d).stream()
                                                    .findFirst())
                            .map(m -> "its Default holds " + Advice.withArticle(m.kind().label()));
            boolean credentialDefault = credential.isPresent();
            Optional<String> why =
                    credential
                            .or(
                                    () ->
                                            SecretNames.secretWord(p.name())
                                                    .map(
                                                            w ->
                                                                    "it is named like "
                                                                            + Advice.withArticle(
                                                                                    w)))
                            .or(
                                    () ->
                                            Optional.ofNullable(usedAsSecret.get(p.name()))
                                                    .map(u -> "it feeds " + u.what()));
            if (why.isEmpty()) {
                continue;
            }
            if (!credentialDefault && holdsReference(p, defaultValue)) {
                continue;
            }
            boolean echoed = !p.noEcho();
            boolean defaulted =
                    defaultValue
                            .map(
                                    d ->
                                            !ValueSecrets.isStandIn(context, d)
                                                    && (NotASecret.why(d)
                                                                    .map(
                                                                            r ->
                                                                                    !REFERENCE_DEFAULTS
                                                                                            .contains(
                                                                                                    r))
                                                                    .orElse(true)
                                                            // a webhook's URL with its token
                                                            || ValueSecrets.looksLikeSecretValue(
                                                                    context, p.name(), d)))
                            .orElse(false);
            if (echoed || defaulted) {
                report(
                        context,
                        template,
                        p,
                        why.get(),
                        echoed,
                        defaulted,
                        usedAsSecret.get(p.name()));
            }
        }
    }

    /**
     * Whether the Parameter takes a reference to a secret, not the secret: its Default is an ARN, a
     * path or a name such as {@code ACTIVEMQ_SECRET_ARN}, or its Description says so.
     */
    private static boolean holdsReference(Parameter p, Optional<String> defaultValue) {
        boolean referenceDefault =
                defaultValue
                        .filter(d -> !d.isBlank())
                        .map(
                                d ->
                                        SecretNames.isReferenceName(d)
                                                || NotASecret.why(d)
                                                        .filter(POINTERS::contains)
                                                        .isPresent())
                        .orElse(false);
        boolean referenceDescription =
                p.node()
                        .getString("Description")
                        .map(d -> REFERENCE_DESCRIPTION.matcher(d).find())
                        .orElse(false);
        return referenceDefault || referenceDescription;
    }

    private void report(
            RuleContext context,
            Template template,
            Parameter p,
            String why,
            boolean echoed,
            boolean defaulted,
            Use use) {
        List<String> problems = new ArrayList<>();
        if (echoed) {
            problems.add("is not NoEcho");
        }
        if (defaulted) {
            problems.add("has a Default written in the template");
        }
        RuleContext.Builder finding =
                context.report(id())
                        .logicalId(p.name())
                        .at(p.key().span(), p.node().path())
                        .message(
                                "Parameter "
                                        + p.name()
                                        + " holds a secret ("
                                        + why
                                        + ") but "
                                        + String.join(", and ", problems)
                                        + ". Declare it with NoEcho: true and no Default, or better resolve"
                                        + " the secret from Secrets Manager and drop the Parameter.")
                        .value((echoed ? "echoed" : "") + (defaulted ? "defaulted" : ""));
        if (defaulted) {
            p.defaultValue()
                    .ifPresent(
                            d -> {
                                finding.secret(((ScalarNode) d).value());
                                finding.related(d.span(), "the Default is written here");
                            });
        }
        if (use != null) {
            finding.related(use.span(), "the Parameter is used as a secret here");
        }
        if (echoed) {
            addNoEcho(template, p).ifPresent(finding::fix);
        }
        finding.add();
    }

    /**
     * Inserts {@code NoEcho: true} before the Parameter's first attribute, in the file's own style.
     */
    private static Optional<Fix> addNoEcho(Template template, Parameter p) {
        if (p.node().entries().isEmpty()) {
            return Optional.empty();
        }
        ScalarNode first = p.node().entries().get(0).key();
        Span at = first.span();
        String line = template.source().line(at.startLine());
        boolean ownLine =
                line.substring(0, Math.min(line.length(), at.startColumn() - 1)).isBlank();
        boolean json = first.style() == ScalarNode.Style.JSON_STRING;
        String entry = json ? "\"NoEcho\": true," : "NoEcho: true" + (ownLine ? "" : ",");
        String inserted = ownLine ? entry + "\n" + " ".repeat(at.startColumn() - 1) : entry + " ";
        Span point = new Span(at.startLine(), at.startColumn(), at.startLine(), at.startColumn());
        return Optional.of(
                new Fix(
                        "Add NoEcho: true to Parameter " + p.name(),
                        List.of(new Fix.Replacement(point, inserted))));
    }

    /** Where a Parameter is used as a secret, and what it feeds there, in words. */
    private record Use(Span span, String what) {}

    /**
     * Parameters that feed a known secret property or a secret-named environment variable, with
     * where.
     */
    private static Map<String, Use> secretUses(RuleContext context, Template template) {
        Map<String, Use> uses = new LinkedHashMap<>();
        for (Resource resource : template.resources().values()) {
            for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(context, resource.properties())) {
                if (SecretProperties.isSecret(resource.type(), leaf.path())) {
                    boolean json = resource.type().equals("AWS::SecretsManager::Secret");
                    Use use =
                            new Use(
                                    leaf.node().span(),
                                    leaf.path() + " of " + resource.logicalId());
                    for (ValueSecrets.Alternative a :
                            ValueSecrets.of(context, leaf.node(), leaf.name(), false)
                                    .alternatives()) {
                        for (SecretSlices.Slice slice :
                                SecretSlices.of(a.rendered(), leaf.name(), json)) {
                            for (ValueSecrets.Answer piece : a.pieces()) {
                                if (piece instanceof ValueSecrets.FromParameter p
                                        && slice.parts().contains(p.part())) {
                                    uses.putIfAbsent(p.detail(), use);
                                }
                            }
                        }
                    }
                }
            }
            for (EnvConcern c : EnvSecrets.concerns(context, resource)) {
                if (c.kind() == EnvConcern.Kind.SECRET_PARAMETER) {
                    for (String name : c.detail().split(", ")) {
                        uses.putIfAbsent(
                                name,
                                new Use(
                                        c.variable().value().span(),
                                        "variable "
                                                + c.variable().name()
                                                + " of "
                                                + resource.logicalId()));
                    }
                }
            }
        }
        return uses;
    }
}
