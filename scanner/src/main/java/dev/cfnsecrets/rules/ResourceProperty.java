package dev.cfnsecrets.rules;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.Span;
import java.util.List;

/**
 * The node at a '/'-separated path under a resource, e.g. {@code Properties/Environment/Variables}.
 * {@code Properties} are the deployed ones (SAM Globals merged in); a number selects a list item.
 * A path that runs into an intrinsic function ({@code Fn::If}, {@code Ref} …) before its end cannot
 * be followed without deploying: the property is then neither present nor missing, but unknown.
 *
 * @param key the key the node is written under, or null for a list item or a resource without
 *            {@code Properties}
 */
record ResourceProperty(Node node, ScalarNode key, boolean unknown) {
    private static final ResourceProperty MISSING = new ResourceProperty(null, null, false);
    private static final ResourceProperty UNKNOWN = new ResourceProperty(null, null, true);

    boolean missing() {
        return node == null && !unknown;
    }

    /** Where a finding about the node goes: a scalar's own text, a map's or list's key. */
    Span span() {
        return node instanceof ScalarNode || key == null ? node.span() : key.span();
    }

    static ResourceProperty find(Resource resource, List<String> path) {
        boolean underProperties = path.get(0).equals("Properties");
        Node start = underProperties ? resource.properties() : resource.node();
        ScalarNode key = underProperties ? resource.node().entry("Properties").map(MapNode.Entry::key).orElse(null) : null;
        return new ResourceProperty(start, key, false).inside(underProperties ? path.subList(1, path.size()) : path);
    }

    /**
     * The node at {@code path} (keys, and list indexes as digits) inside this one; a schema error
     * points into the value this way.
     */
    ResourceProperty inside(List<String> path) {
        Node current = node;
        ScalarNode key = this.key;
        for (String segment : path) {
            if (current instanceof MapNode map) {
                if (map.intrinsic().isPresent()) {
                    return UNKNOWN;
                }
                MapNode.Entry entry = map.entry(segment).orElse(null);
                current = entry == null ? null : entry.value();
                key = entry == null ? null : entry.key();
            } else if (current instanceof ListNode list && segment.matches("[0-9]{1,9}")
                    && Integer.parseInt(segment) < list.items().size()) {
                current = list.items().get(Integer.parseInt(segment));
                key = null;
            } else {
                current = null;
            }
            if (current == null) {
                return MISSING;
            }
        }
        return new ResourceProperty(current, key, false);
    }
}
