package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.NestedStacks;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.Span;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Parameters of each nested stack's local child template that the child uses as a secret: they
 * reach a Lambda or ECS environment variable with a secret name, a known secret property ({@link
 * SecretProperties}), or — passed on by {@code Ref} — such a Parameter of the child's own nested
 * stack. CFS111 reports a literal that the parent passes to one of them whatever the Parameter's
 * name. The children are those {@link NestedStacks} lets the scan follow.
 */
public final class NestedSecretParameters {
    public static final Shared<NestedSecretParameters> SHARED =
            new Shared<>(
                    scope ->
                            new NestedSecretParameters(
                                    scope.template()
                                            .map(t -> byStack(t, scope.nestedStacks()))
                                            .orElse(Map.of())));

    /**
     * Where a child uses a Parameter as a secret.
     *
     * @param name the name the secret is used under there (the variable or property), for the
     *     judgement of the value
     * @param description the use in words: "variable API_KEY of function Fn"
     */
    public record Use(String file, Span span, String name, String description) {}

    private final Map<String, Map<String, Use>> byStack;

    private NestedSecretParameters(Map<String, Map<String, Use>> byStack) {
        this.byStack = byStack;
    }

    /**
     * How the child of nested stack {@code logicalId} uses its Parameter {@code parameter} as a
     * secret, if it does.
     */
    public Optional<Use> use(String logicalId, String parameter) {
        return Optional.ofNullable(byStack.getOrDefault(logicalId, Map.of()).get(parameter));
    }

    private static Map<String, Map<String, Use>> byStack(
            Template template, NestedStacks nestedStacks) {
        Map<String, Map<String, Use>> uses = new HashMap<>();
        Map<String, Map<String, Use>> byChild = new HashMap<>();
        for (Resource resource : template.resources().values()) {
            if (NestedStacks.isNestedStack(resource)) {
                nestedStacks
                        .child(resource)
                        .ifPresent(
                                child ->
                                        uses.put(
                                                resource.logicalId(),
                                                secretParameters(child, byChild)));
            }
        }
        return uses;
    }

    /**
     * The Parameters that a child template uses as secrets, each with its first use; worked out
     * once per child file ({@code byChild}, by its path), however many stacks name it.
     */
    private static Map<String, Use> secretParameters(
            NestedStacks.Child child, Map<String, Map<String, Use>> byChild) {
        String path = child.template().source().path();
        Map<String, Use> known = byChild.get(path);
        if (known != null) {
            return known;
        }
        // Taken for empty while it is worked out, should a chain lead back to it.
        byChild.put(path, Map.of());
        Map<String, Use> uses = usesIn(child, byChild);
        byChild.put(path, uses);
        return uses;
    }

    private static Map<String, Use> usesIn(
            NestedStacks.Child child, Map<String, Map<String, Use>> byChild) {
        Template template = child.template();
        Evaluator evaluator = new Evaluator(template);
        Map<String, Use> uses = new LinkedHashMap<>();
        for (Resource resource : template.resources().values()) {
            for (EnvVariable variable : EnvVariables.of(resource)) {
                if (SecretNames.isSecretName(variable.name())) {
                    Use use =
                            new Use(
                                    template.source().path(),
                                    variable.value().span(),
                                    variable.name(),
                                    "variable " + variable.name() + " of " + resource.logicalId());
                    addParameters(uses, template, evaluator, variable.value(), use);
                }
            }
            for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(resource.properties())) {
                if (SecretProperties.isSecret(resource.type(), leaf.path())) {
                    Use use =
                            new Use(
                                    template.source().path(),
                                    leaf.node().span(),
                                    leaf.name(),
                                    "property " + leaf.path() + " of " + resource.logicalId());
                    addParameters(uses, template, evaluator, leaf.node(), use);
                }
            }
            if (NestedStacks.isNestedStack(resource)) {
                passedOn(uses, template, evaluator, resource, child.nested(), byChild);
            }
        }
        return uses;
    }

    /** Parameters of the child that it passes to a secret Parameter of its own nested stack. */
    private static void passedOn(
            Map<String, Use> uses,
            Template template,
            Evaluator evaluator,
            Resource resource,
            NestedStacks nestedStacks,
            Map<String, Map<String, Use>> byChild) {
        Optional<MapNode> passed = resource.properties().getMap("Parameters");
        Optional<NestedStacks.Child> grandchild = nestedStacks.child(resource);
        if (passed.isEmpty() || grandchild.isEmpty()) {
            return;
        }
        Map<String, Use> deeper = secretParameters(grandchild.get(), byChild);
        for (MapNode.Entry entry : passed.get().entries()) {
            Use use = deeper.get(entry.name());
            if (use != null) {
                addParameters(uses, template, evaluator, entry.value(), use);
            }
        }
    }

    /**
     * Each Parameter of {@code template} that {@code value} is made of (a value passed in replaces
     * a Default).
     */
    private static void addParameters(
            Map<String, Use> uses, Template template, Evaluator evaluator, Node value, Use use) {
        for (Value.Text alternative : evaluator.evaluate(value).alternatives()) {
            for (Part part : alternative.parts()) {
                String name =
                        part instanceof Part.Unknown u && u.kind() == Part.Unknown.Kind.PARAMETER
                                ? u.name()
                                : part instanceof Part.Literal l ? l.viaParameter() : null;
                if (name != null && template.parameters().containsKey(name)) {
                    uses.putIfAbsent(name, use);
                }
            }
        }
    }
}
