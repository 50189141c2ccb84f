package dev.cfnsecrets.config;

import dev.cfnsecrets.source.BundledResource;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The documented mapping of the peers' rule ids onto ours ({@code cfn-secrets/peer-ids.yaml}), so
 * that a template already annotated for cfn-lint, checkov or cfn_nag keeps its suppressions when it
 * moves to cfn-secrets. The data file says, per id, why it maps where it does.
 */
public final class PeerRuleIds {
    static final String RESOURCE = "cfn-secrets/peer-ids.yaml";
    private static final PeerRuleIds BUNDLED = load();

    /** Peer name ({@code cfn-lint}, {@code checkov}, {@code cfn_nag}) → peer id → our rule ids. */
    private final Map<String, Map<String, Set<String>>> ids;

    private PeerRuleIds(Map<String, Map<String, Set<String>>> ids) {
        this.ids = ids;
    }

    public static PeerRuleIds bundled() {
        return BUNDLED;
    }

    /** Our rules that a peer's id stands for; empty for an id the mapping does not list. */
    public Set<String> ours(String peer, String peerId) {
        return ids.getOrDefault(peer, Map.of()).getOrDefault(peerId, Set.of());
    }

    /** The peers the mapping knows, each with its ids. */
    public Map<String, Map<String, Set<String>>> all() {
        return ids;
    }

    private static PeerRuleIds load() {
        Object loaded =
                BundledResource.read(
                        RESOURCE, new Load(LoadSettings.builder().build())::loadFromInputStream);
        Map<String, Map<String, Set<String>>> ids = new HashMap<>();
        for (Map.Entry<?, ?> peer : ((Map<?, ?>) loaded).entrySet()) {
            Map<String, Set<String>> byId = new HashMap<>();
            for (Map.Entry<?, ?> id : ((Map<?, ?>) peer.getValue()).entrySet()) {
                byId.put(
                        String.valueOf(id.getKey()),
                        Set.copyOf(
                                ((Collection<?>) id.getValue())
                                        .stream().map(String::valueOf).toList()));
            }
            ids.put(String.valueOf(peer.getKey()), Map.copyOf(byId));
        }
        return new PeerRuleIds(Map.copyOf(ids));
    }
}
