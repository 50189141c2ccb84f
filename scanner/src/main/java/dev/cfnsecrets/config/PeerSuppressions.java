package dev.cfnsecrets.config;

import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers' own suppression keys in a {@code Metadata} map, read as each peer reads them and
 * translated through {@link PeerRuleIds} into our rule ids, each with a justification that names
 * the peer key and id:
 *
 * <pre>
 * cfn-lint: {config: {ignore_checks: [W2501]}}            resource or template Metadata
 * checkov:  {skip: [{id: CKV_AWS_45, comment: "…"}]}      resource Metadata
 * cfn_nag:  {rules_to_suppress: [{id: F23, reason: "…"}]} resource Metadata
 * </pre>
 *
 * Only cfn-lint reads a template-level key; checkov and cfn_nag read resources only, so do we.
 */
final class PeerSuppressions {
    private final PeerRuleIds ids;

    PeerSuppressions(PeerRuleIds ids) {
        this.ids = ids;
    }

    /** Our rule id → justification, from a resource's {@code Metadata}. */
    Map<String, String> ofResource(MapNode metadata) {
        Map<String, String> reasons = new LinkedHashMap<>();
        cfnLint(metadata, "", reasons);
        withReasons(metadata, "checkov", "skip", "comment", reasons);
        withReasons(metadata, "cfn_nag", "rules_to_suppress", "reason", reasons);
        return reasons;
    }

    /** Our rule id → justification, from the template's top-level {@code Metadata}. */
    Map<String, String> ofTemplate(MapNode metadata) {
        Map<String, String> reasons = new LinkedHashMap<>();
        cfnLint(metadata, " in the template Metadata", reasons);
        return reasons;
    }

    /** cfn-lint's ids carry no reason: the justification is the key and the id. */
    private void cfnLint(MapNode metadata, String where, Map<String, String> reasons) {
        for (Node item : list(metadata, "cfn-lint", "config", "ignore_checks")) {
            if (item instanceof ScalarNode id && !id.isNull()) {
                add(
                        "cfn-lint",
                        id.value(),
                        "cfn-lint ignore_checks " + id.value() + where,
                        reasons);
            }
        }
    }

    private void withReasons(
            MapNode metadata,
            String peer,
            String key,
            String reasonKey,
            Map<String, String> reasons) {
        for (Node item : list(metadata, peer, key)) {
            if (item instanceof MapNode entry) {
                entry.getString("id")
                        .ifPresent(
                                id ->
                                        add(
                                                peer,
                                                id,
                                                peer
                                                        + " "
                                                        + key
                                                        + " "
                                                        + id
                                                        + entry.getString(reasonKey)
                                                                .map(r -> ": " + r)
                                                                .orElse(""),
                                                reasons));
            }
        }
    }

    private void add(
            String peer, String peerId, String justification, Map<String, String> reasons) {
        for (String rule : ids.ours(peer, peerId.strip())) {
            reasons.putIfAbsent(rule, justification);
        }
    }

    /**
     * The list at {@code path} under {@code map}, or nothing when any step is missing or of another
     * shape.
     */
    static List<Node> list(MapNode map, String... path) {
        Node node = map;
        for (String key : path) {
            if (!(node instanceof MapNode step)) {
                return List.of();
            }
            node = step.get(key).orElse(null);
        }
        return node instanceof ListNode items ? items.items() : List.of();
    }
}
