package dev.cfnsecrets.config;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suppressions written in the template. Ours, in a resource's {@code Metadata}:
 *
 * <pre>Metadata: {cfn-secrets: {ignore: [{id: CFS102, reason: "…"}]}}</pre>
 *
 * and the peers' own keys for migrating users ({@link PeerSuppressions}, mapped onto our ids by
 * {@link PeerRuleIds}). A resource's keys cover the findings that name that resource; cfn-lint's
 * template-level key covers every finding of the template, file-level ones included. Where both
 * cover a finding, the resource's own key gives the justification. A suppressed finding stays in
 * the report (SARIF {@code suppressions}, kind {@code inSource}) but does not fail the scan.
 */
public final class InTemplateSuppressions {
    private static final PeerSuppressions PEERS = new PeerSuppressions(PeerRuleIds.bundled());

    private InTemplateSuppressions() {}

    public static List<Finding> apply(Template template, List<Finding> findings) {
        Map<String, String> templateWide =
                template.metadata().map(PEERS::ofTemplate).orElse(Map.of());
        Map<String, Map<String, String>> byResource = new HashMap<>();
        for (Resource resource : template.resources().values()) {
            Map<String, String> reasons =
                    resource.metadata().map(InTemplateSuppressions::ignored).orElse(Map.of());
            if (!reasons.isEmpty()) {
                byResource.put(resource.logicalId(), reasons);
            }
        }
        if (byResource.isEmpty() && templateWide.isEmpty()) {
            return findings;
        }
        return findings.stream()
                .map(
                        f -> {
                            if (f.isSuppressed()) {
                                // Already silenced by the resource it is about in another document:
                                // that one says why.
                                return f;
                            }
                            String reason =
                                    f.logicalId() == null
                                            ? null
                                            : byResource
                                                    .getOrDefault(f.logicalId(), Map.of())
                                                    .get(f.ruleId());
                            if (reason == null) {
                                reason = templateWide.get(f.ruleId());
                            }
                            return reason == null ? f : f.suppressed(inSource(reason));
                        })
                .toList();
    }

    /**
     * The suppression of {@code ruleId} written on {@code resource} (our key or a peer's), for a
     * finding about that resource that lies in another document: live mode's account-level CFS305
     * findings are in the IAM document but about a function of a stack's template.
     */
    public static Optional<Suppression> ofResource(Resource resource, String ruleId) {
        return resource.metadata()
                .map(InTemplateSuppressions::ignored)
                .map(reasons -> reasons.get(ruleId))
                .map(InTemplateSuppressions::inSource);
    }

    private static Suppression inSource(String reason) {
        return new Suppression(Suppression.Kind.IN_SOURCE, reason);
    }

    /** Our rule id → justification for one resource: our own key first, then the peers'. */
    private static Map<String, String> ignored(MapNode metadata) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Node item : PeerSuppressions.list(metadata, "cfn-secrets", "ignore")) {
            if (item instanceof MapNode entry) {
                entry.getString("id")
                        .ifPresent(
                                id ->
                                        reasons.put(
                                                id.strip().toUpperCase(Locale.ROOT),
                                                entry.getString("reason")
                                                        .orElse(
                                                                "suppressed in template metadata")));
            }
        }
        PEERS.ofResource(metadata).forEach(reasons::putIfAbsent);
        return reasons;
    }
}
