package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.BoundedMemo;
import dev.cfnsecrets.source.BundledResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Lambda and KMS action names ({@code cfn-secrets/iam-actions.yaml},
 * docs/facts.md#iam-action-names), so that a wildcard or a {@code NotAction} can be expanded to the
 * actions it really covers.
 */
public final class ActionCatalog {
    static final String RESOURCE = "cfn-secrets/iam-actions.yaml";
    private static final ActionCatalog BUNDLED = load();

    private final List<String> actions;

    /**
     * The expansions asked for so far: every finding on a wildcard grant says how many actions it
     * covers, and templates grant the same few wildcards ({@code lambda:*}, {@code kms:*}) over and
     * over, each a match against every known action. Bounded, as the patterns are the templates'.
     */
    private final BoundedMemo<String, List<String>> expanded = new BoundedMemo<>(2_000);

    private static final int REMEMBERED_PATTERN_LENGTH = 200;

    private ActionCatalog(List<String> actions) {
        this.actions = List.copyOf(actions);
    }

    public static ActionCatalog bundled() {
        return BUNDLED;
    }

    private static ActionCatalog load() {
        Object loaded =
                BundledResource.read(
                        RESOURCE, new Load(LoadSettings.builder().build())::loadFromInputStream);
        List<String> actions = new ArrayList<>();
        for (Map.Entry<?, ?> service : ((Map<?, ?>) loaded).entrySet()) {
            for (Object name : (Collection<?>) service.getValue()) {
                actions.add(service.getKey() + ":" + name);
            }
        }
        return new ActionCatalog(actions);
    }

    /** Every known action, {@code service:Name}. */
    public List<String> all() {
        return actions;
    }

    /** The known actions an action pattern covers (case-insensitive glob). */
    public List<String> expand(String pattern) {
        return pattern.length() <= REMEMBERED_PATTERN_LENGTH
                ? expanded.get(pattern, this::covered)
                : covered(pattern);
    }

    private List<String> covered(String pattern) {
        return actions.stream().filter(a -> Glob.matches(pattern, a, true)).toList();
    }
}
