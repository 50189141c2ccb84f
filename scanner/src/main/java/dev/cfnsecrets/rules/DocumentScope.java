package dev.cfnsecrets.rules;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.iam.ManagedPolicies;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.NestedStacks;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.values.CredentialSearchCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the rule contexts of one document share: the document, the rule settings, its evaluator, the
 * managed-policy facts and nested stacks it may need, and the {@link Shared} results, so that work
 * several rules need is done once per document. Not thread-safe: the rules of one document run one
 * after the other (documents run in parallel, each with its own scope).
 */
public final class DocumentScope {
    private final Document document;
    private final RuleSettings settings;
    private final Supplier<ManagedPolicies> managedPolicies;
    private final NestedStacks nestedStacks;
    private final Map<Shared<?>, Object> results = new HashMap<>();
    private final Set<String> notSecrets = new LinkedHashSet<>();
    private final List<Evaluator.Stop> ruleStops = new ArrayList<>();
    private final Set<Evaluator.Stop> reportedStops = new HashSet<>();
    private Evaluator evaluator;

    public DocumentScope(Document document, RuleSettings settings) {
        this(document, settings, ManagedPolicies::bundled, NestedStacks.NONE);
    }

    /**
     * With what AWS managed policies grant taken from {@code managedPolicies} (live mode's real
     * documents), asked for only when a policy attaches one, and the local child templates of the
     * document's nested stacks reachable through {@code nestedStacks}.
     */
    public DocumentScope(
            Document document,
            RuleSettings settings,
            Supplier<ManagedPolicies> managedPolicies,
            NestedStacks nestedStacks) {
        this.document = document;
        this.settings = settings;
        this.managedPolicies = managedPolicies;
        this.nestedStacks = nestedStacks;
    }

    public Document document() {
        return document;
    }

    public Optional<Template> template() {
        return document instanceof Document.TemplateDocument t
                ? Optional.of(t.template())
                : Optional.empty();
    }

    public RuleSettings settings() {
        return settings;
    }

    public Supplier<ManagedPolicies> managedPolicies() {
        return managedPolicies;
    }

    public NestedStacks nestedStacks() {
        return nestedStacks;
    }

    public Evaluator evaluator() {
        if (evaluator == null) {
            evaluator =
                    new Evaluator(
                            template()
                                    .orElseThrow(
                                            () -> new IllegalStateException("not a template")));
        }
        return evaluator;
    }

    /**
     * What the evaluator could not finish, if a rule used it, then what rules stopped short of:
     * those not handed out by an earlier call, so that each is reported once, whether by the
     * document's CFS001 rule or after a rule across documents.
     */
    List<Evaluator.Stop> unreportedStops() {
        List<Evaluator.Stop> stops = new ArrayList<>();
        if (evaluator != null) {
            stops.addAll(evaluator.stops());
        }
        stops.addAll(ruleStops);
        stops.removeAll(reportedStops);
        reportedStops.addAll(stops);
        return stops;
    }

    void stopped(Evaluator.Stop stop) {
        ruleStops.add(stop);
    }

    /**
     * Records why a value under a secret name is not a secret, as one line that names the value's
     * name and place, never the value ({@code DB_PASSWORD at t.yaml:12:20: a placeholder}).
     */
    public void judgedNotSecret(String line) {
        notSecrets.add(line);
    }

    /** The lines of {@link #judgedNotSecret}, once each, in the order they were judged. */
    public List<String> notSecrets() {
        return List.copyOf(notSecrets);
    }

    /**
     * How many distinct values the configuration's allow list declared not secrets in this
     * document.
     */
    public int allowedValues() {
        return CredentialSearchCache.allowedCount(this);
    }

    /** The result of {@code computation} for this document, made on the first request. */
    public <T> T shared(Shared<T> computation) {
        // Not computeIfAbsent: a computation may ask for another one, which would change the map
        // during the call.
        if (!results.containsKey(computation)) {
            results.put(computation, computation.computeFor(this));
        }
        @SuppressWarnings("unchecked")
        T result = (T) results.get(computation);
        return result;
    }
}
