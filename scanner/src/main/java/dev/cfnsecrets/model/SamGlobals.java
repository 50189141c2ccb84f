package dev.cfnsecrets.model;

import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SAM's Globals merge (docs/facts.md#sam-globals): a {@code Globals.<Kind>} section applies to
 * every {@code AWS::Serverless::<Kind>} resource. Maps merge recursively with local keys winning,
 * lists concatenate (Globals first), and for scalars or intrinsic functions on either side the
 * local value wins. A resource's {@code IgnoreGlobals} ({@code "*"} or a list of property names)
 * opts out. Globals never apply to plain {@code AWS::Lambda::Function}.
 */
final class SamGlobals {
    private static final String SERVERLESS = "AWS::Serverless::";

    private SamGlobals() {}

    static MapNode apply(
            Optional<MapNode> globals, String type, MapNode resource, MapNode properties) {
        if (globals.isEmpty() || !type.startsWith(SERVERLESS)) {
            return properties;
        }
        Optional<MapNode> section = globals.get().getMap(type.substring(SERVERLESS.length()));
        if (section.isEmpty()) {
            return properties;
        }
        Set<String> ignored = ignoredGlobals(resource);
        if (ignored.contains("*")) {
            return properties;
        }
        List<MapNode.Entry> applicable =
                section.get().entries().stream().filter(e -> !ignored.contains(e.name())).toList();
        return mergeMaps(
                new MapNode(applicable, section.get().span(), section.get().path()), properties);
    }

    private static Set<String> ignoredGlobals(MapNode resource) {
        Node ignore = resource.get("IgnoreGlobals").orElse(null);
        if (ignore instanceof ScalarNode s) {
            return Set.of(s.value());
        }
        if (ignore instanceof ListNode list) {
            return list.items().stream()
                    .filter(ScalarNode.class::isInstance)
                    .map(i -> ((ScalarNode) i).value())
                    .collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static MapNode mergeMaps(MapNode global, MapNode local) {
        Map<String, MapNode.Entry> merged = new LinkedHashMap<>();
        for (MapNode.Entry e : global.entries()) {
            merged.put(e.name(), e);
        }
        for (MapNode.Entry e : local.entries()) {
            MapNode.Entry g = merged.get(e.name());
            merged.put(
                    e.name(),
                    g == null ? e : new MapNode.Entry(e.key(), merge(g.value(), e.value())));
        }
        return new MapNode(new ArrayList<>(merged.values()), local.span(), local.path());
    }

    private static Node merge(Node global, Node local) {
        if (isIntrinsic(global) || isIntrinsic(local)) {
            return local;
        }
        if (global instanceof MapNode g && local instanceof MapNode l) {
            return mergeMaps(g, l);
        }
        if (global instanceof ListNode g && local instanceof ListNode l) {
            List<Node> items = new ArrayList<>(g.items());
            items.addAll(l.items());
            return new ListNode(items, l.span(), l.path());
        }
        return local;
    }

    private static boolean isIntrinsic(Node node) {
        return node instanceof MapNode m && m.intrinsic().isPresent();
    }
}
