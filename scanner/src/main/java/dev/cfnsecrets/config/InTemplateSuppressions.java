package dev.cfnsecrets.config;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suppressions written in a resource's {@code Metadata}:
 * <pre>Metadata: {cfn-secrets: {ignore: [{id: CFS102, reason: "…"}]}}</pre>
 * A suppressed finding stays in the report (SARIF {@code suppressions}) but does not fail the scan.
 */
public final class InTemplateSuppressions {
    private InTemplateSuppressions() {
    }

    public static List<Finding> apply(Template template, List<Finding> findings) {
        Map<String, Map<String, String>> byResource = new HashMap<>();
        for (Resource resource : template.resources().values()) {
            Map<String, String> reasons = ignored(resource);
            if (!reasons.isEmpty()) {
                byResource.put(resource.logicalId(), reasons);
            }
        }
        if (byResource.isEmpty()) {
            return findings;
        }
        return findings.stream().map(f -> {
            String reason = f.logicalId() == null ? null
                    : byResource.getOrDefault(f.logicalId(), Map.of()).get(f.ruleId());
            return reason == null ? f : f.suppressed(new Suppression(Suppression.Kind.IN_SOURCE, reason));
        }).toList();
    }

    private static Map<String, String> ignored(Resource resource) {
        Map<String, String> reasons = new HashMap<>();
        Optional<Node> ignore = resource.metadata()
                .flatMap(m -> m.getMap("cfn-secrets"))
                .flatMap(c -> c.get("ignore"));
        if (ignore.orElse(null) instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode entry) {
                    entry.getString("id").ifPresent(id -> reasons.put(id.toUpperCase(Locale.ROOT),
                            entry.getString("reason").orElse("suppressed in template metadata")));
                }
            }
        }
        return reasons;
    }
}
