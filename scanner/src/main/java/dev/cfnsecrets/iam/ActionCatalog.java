package dev.cfnsecrets.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Lambda and KMS action names ({@code cfn-secrets/iam-actions.yaml}, docs/facts.md#iam-action-names), so that a
 * wildcard or a {@code NotAction} can be expanded to the actions it really covers.
 */
public final class ActionCatalog {
    static final String RESOURCE = "cfn-secrets/iam-actions.yaml";
    private static final ActionCatalog BUNDLED = load();

    private final List<String> actions;

    private ActionCatalog(List<String> actions) {
        this.actions = List.copyOf(actions);
    }

    public static ActionCatalog bundled() {
        return BUNDLED;
    }

    private static ActionCatalog load() {
        try (InputStream in = ActionCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("action catalog missing from the class path: " + RESOURCE);
            }
            Object loaded = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            List<String> actions = new ArrayList<>();
            for (Map.Entry<?, ?> service : ((Map<?, ?>) loaded).entrySet()) {
                for (Object name : (Collection<?>) service.getValue()) {
                    actions.add(service.getKey() + ":" + name);
                }
            }
            return new ActionCatalog(actions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every known action, {@code service:Name}. */
    public List<String> all() {
        return actions;
    }

    /** The known actions an action pattern covers (case-insensitive glob). */
    public List<String> expand(String pattern) {
        return actions.stream().filter(a -> Glob.matches(pattern, a, true)).toList();
    }
}
