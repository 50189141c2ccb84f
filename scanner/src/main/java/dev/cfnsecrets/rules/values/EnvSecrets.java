package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.SecretNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What secrets the environment of a function or task definition holds, once for all the rules that
 * report on it and for those that ask which variables hold one: the answers of {@link ValueSecrets}
 * for each variable, as {@link EnvConcern}s.
 *
 * <p>One value, one finding per concern (docs/architecture.md#engine-rule-families-value-analysis):
 * a variable with a credential of a known format is not reported again as a secret-named literal or
 * as fed from a Parameter, and a secret-named literal is not reported again as fed from a
 * Parameter.
 */
public final class EnvSecrets {
    private EnvSecrets() {}

    /**
     * A variable that holds a secret, and why, in words a message can use ("the value of Parameter
     * X").
     */
    public record SecretVariable(EnvVariable variable, String why) {
        public String name() {
            return variable.name();
        }
    }

    /**
     * The concerns of each resource of the template, filled as rules ask: several rules read them,
     * so each environment is examined once per document.
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
            case PLAINTEXT_SSM ->
                    c.detail() + ", a plaintext String parameter resolved into the configuration";
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
            concerns.addAll(classify(context, v, keyIdNearby));
        }
        return List.copyOf(concerns);
    }

    private static boolean holdsAwsKeyId(RuleContext context, EnvVariable v) {
        return context.evaluator().evaluate(v.value()).alternatives().stream()
                .anyMatch(
                        t ->
                                CredentialSearchCache.hasAwsKeyId(
                                        context, Rendered.of(t).detectable()));
    }

    /**
     * The concerns of one variable: what {@link ValueSecrets} answers, in the words of the
     * environment rules.
     */
    private static List<EnvConcern> classify(
            RuleContext context, EnvVariable variable, boolean keyIdNearby) {
        Map<String, EnvConcern> found = new LinkedHashMap<>();
        BlastRadius byName = SecretNames.blastRadius(variable.name());
        for (ValueSecrets.Alternative a :
                ValueSecrets.of(context, variable.value(), variable.name(), keyIdNearby)
                        .alternatives()) {
            for (ValueSecrets.Credential c : a.credentials()) {
                add(
                        found,
                        c,
                        EnvConcern.Kind.CREDENTIAL,
                        variable,
                        c.where(),
                        c.radius(),
                        List.of(c.match().secret()));
            }
            for (ValueSecrets.Reference r : a.references()) {
                if (r.secret() && r.ref().isSecretsManager()) {
                    add(
                            found,
                            r,
                            EnvConcern.Kind.RESOLVED_SECRET,
                            variable,
                            r.where(),
                            byName,
                            List.of());
                } else if (r.secret() && r.ref().isSsm()) {
                    add(
                            found,
                            r,
                            EnvConcern.Kind.PLAINTEXT_SSM,
                            variable,
                            r.where(),
                            byName,
                            List.of());
                }
            }
            for (ValueSecrets.Answer piece : a.pieces()) {
                if (piece instanceof ValueSecrets.SsmParameter p
                        && (SecretNames.isSecretName(variable.name())
                                || SecretNames.isSecretName(p.detail()))) {
                    Where where =
                            p.parameter() == null
                                    ? p.where()
                                    : p.where()
                                            .with(
                                                    p.parameter().key().span(),
                                                    "Parameter "
                                                            + p.detail()
                                                            + " reads a plaintext String parameter from Parameter Store");
                    add(
                            found,
                            p,
                            EnvConcern.Kind.PLAINTEXT_SSM,
                            variable,
                            where,
                            byName,
                            List.of());
                }
                if (piece instanceof ValueSecrets.SecretAttribute attribute) {
                    add(
                            found,
                            attribute,
                            EnvConcern.Kind.RESOLVED_SECRET,
                            variable,
                            attribute.where(),
                            attribute.secret().radius(),
                            List.of());
                }
            }
            Optional<String> secretName = a.secretName();
            Optional<ValueSecrets.Literal> literal = secretName.flatMap(a::literalUnder);
            if (literal.isPresent()) {
                ValueSecrets.Literal l = literal.get();
                add(
                        found,
                        l,
                        EnvConcern.Kind.SECRET_LITERAL,
                        variable,
                        l.where(),
                        l.radius(),
                        List.of(l.text()));
            } else if (secretName.isPresent()) {
                a.throughParameters()
                        .ifPresent(
                                t ->
                                        add(
                                                found,
                                                t,
                                                EnvConcern.Kind.SECRET_PARAMETER,
                                                variable,
                                                t.where(),
                                                SecretNames.blastRadius(t.secretName()),
                                                List.of()));
            }
        }
        return withPrecedence(found.values());
    }

    private static void add(
            Map<String, EnvConcern> found,
            ValueSecrets.Answer answer,
            EnvConcern.Kind kind,
            EnvVariable variable,
            Where where,
            BlastRadius radius,
            List<String> secrets) {
        found.putIfAbsent(
                answer.key(),
                new EnvConcern(kind, variable, where, detail(answer), radius, secrets));
    }

    private static String detail(ValueSecrets.Answer answer) {
        return answer instanceof ValueSecrets.SsmParameter p ? p.described() : answer.detail();
    }

    /**
     * A credential is not reported again as a secret-named literal or as fed from a Parameter, and
     * a secret-named literal not again as fed from a Parameter — in any alternative of the value.
     */
    private static List<EnvConcern> withPrecedence(Collection<EnvConcern> found) {
        boolean credential = found.stream().anyMatch(c -> c.kind() == EnvConcern.Kind.CREDENTIAL);
        boolean literal = found.stream().anyMatch(c -> c.kind() == EnvConcern.Kind.SECRET_LITERAL);
        return found.stream()
                .filter(
                        c ->
                                !(credential
                                        && (c.kind() == EnvConcern.Kind.SECRET_LITERAL
                                                || c.kind() == EnvConcern.Kind.SECRET_PARAMETER)))
                .filter(c -> !(literal && c.kind() == EnvConcern.Kind.SECRET_PARAMETER))
                .toList();
    }
}
