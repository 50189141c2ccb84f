package dev.cfnsecrets.rules.custom;

import static dev.cfnsecrets.catalog.CustomRuleDefinition.ANY;

import dev.cfnsecrets.catalog.CustomRuleDefinition;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The node at a '/'-separated path under a resource, e.g. {@code Properties/Environment/Variables}.
 * {@code Properties} are the deployed ones (SAM Globals merged in); a number selects a list item
 * and a {@value CustomRuleDefinition#ANY} step every item of a list or value of a map. A path that
 * runs into an intrinsic function ({@code Fn::If}, {@code Ref} …) before its end cannot be followed
 * without deploying: the property is then neither present nor missing, but unknown.
 *
 * @param key the key the node is written under, or null for a list item or a resource without
 *     {@code Properties}
 * @param path where the node is under the resource, {@value CustomRuleDefinition#ANY} steps
 *     resolved, e.g. {@code Properties/ContainerDefinitions/1/Environment}; for a missing property,
 *     the path that was looked for
 */
record ResourceProperty(Node node, ScalarNode key, String path, boolean unknown) {
    private static final ResourceProperty UNKNOWN = new ResourceProperty(null, null, "", true);

    boolean missing() {
        return node == null && !unknown;
    }

    /** Where a finding about the node goes: a scalar's own text, a map's or list's key. */
    Span span() {
        return node instanceof ScalarNode || key == null ? node.span() : key.span();
    }

    /**
     * The properties at {@code path}. Without {@value CustomRuleDefinition#ANY} steps, exactly one:
     * present, missing or unknown. With them, the part before the first {@value
     * CustomRuleDefinition#ANY} decides as without; past it only present matches are kept — an
     * empty list has nothing to check, and a match that runs into an intrinsic function is skipped
     * on its own.
     */
    static List<ResourceProperty> matches(Resource resource, List<String> path) {
        boolean underProperties = path.get(0).equals("Properties");
        Node start = underProperties ? resource.properties() : resource.node();
        ScalarNode key =
                underProperties
                        ? resource.node().entry("Properties").map(MapNode.Entry::key).orElse(null)
                        : null;
        return new ResourceProperty(start, key, underProperties ? "Properties" : "", false)
                .matches(underProperties ? path.subList(1, path.size()) : path);
    }

    private List<ResourceProperty> matches(List<String> path) {
        int any = path.indexOf(ANY);
        if (any < 0) {
            return List.of(inside(path));
        }
        ResourceProperty container = inside(path.subList(0, any));
        if (container.node() == null) {
            return List.of(container);
        }
        List<String> rest = path.subList(any + 1, path.size());
        List<ResourceProperty> found = new ArrayList<>();
        for (ResourceProperty child : container.children()) {
            child.matches(rest).stream().filter(match -> match.node() != null).forEach(found::add);
        }
        return found;
    }

    /** The items of a list or values of a map; none for a scalar or an intrinsic function. */
    private List<ResourceProperty> children() {
        List<ResourceProperty> children = new ArrayList<>();
        if (node instanceof MapNode map && map.intrinsic().isEmpty()) {
            map.entries()
                    .forEach(
                            entry ->
                                    children.add(
                                            new ResourceProperty(
                                                    entry.value(),
                                                    entry.key(),
                                                    Node.childPath(path, entry.name()),
                                                    false)));
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                children.add(
                        new ResourceProperty(
                                list.items().get(i),
                                null,
                                Node.childPath(path, String.valueOf(i)),
                                false));
            }
        }
        return children;
    }

    /**
     * The node at {@code path} (keys, and list indexes as digits) inside this one; a schema error
     * points into the value this way.
     */
    ResourceProperty inside(List<String> path) {
        Node current = node;
        ScalarNode key = this.key;
        String at = this.path;
        for (String segment : path) {
            if (current instanceof MapNode map) {
                if (map.intrinsic().isPresent()) {
                    return UNKNOWN;
                }
                MapNode.Entry entry = map.entry(segment).orElse(null);
                current = entry == null ? null : entry.value();
                key = entry == null ? null : entry.key();
            } else if (current instanceof ListNode list
                    && segment.matches("[0-9]{1,9}")
                    && Integer.parseInt(segment) < list.items().size()) {
                current = list.items().get(Integer.parseInt(segment));
                key = null;
            } else {
                current = null;
            }
            if (current == null) {
                return new ResourceProperty(
                        null, null, Node.childPath(this.path, String.join("/", path)), false);
            }
            at = Node.childPath(at, segment);
        }
        return new ResourceProperty(current, key, at, false);
    }
}
