package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values inside a map of properties (or Metadata): every scalar, and every intrinsic function
 * call taken whole (it evaluates to one string), with the name it is written under and its path
 * relative to the walked map — keys joined by {@code .}, list items as {@code []}, e.g. {@code
 * RdsDbInstances[].DbPassword}. In a list of {@code {Name|Key, Value}} pairs the value's name is
 * the pair's name, as in ECS, CodeBuild and Batch environments.
 */
public final class PropertyWalker {
    private static final int MAX_DEPTH = 64;

    /**
     * @param name the key the value is written under, or the pair's {@code Name}/{@code Key}
     * @param path relative path of the value, see the class comment
     * @param siblings the map that holds the value (for context such as a pair's {@code Type})
     */
    public record Leaf(Node node, String name, String path, MapNode siblings) {}

    private PropertyWalker() {}

    /**
     * The leaves of each walked map of a document: several rules walk every resource's properties
     * (CFS104, CFS108, CFS111).
     */
    private static final Shared<Map<MapNode, List<Leaf>>> WALKED =
            new Shared<>(scope -> new IdentityHashMap<>());

    /**
     * {@link #leaves(MapNode)} of a map of {@code context}'s document, walked once for all rules.
     */
    public static List<Leaf> leaves(RuleContext context, MapNode root) {
        return context.shared(WALKED).computeIfAbsent(root, map -> List.copyOf(leaves(map)));
    }

    public static List<Leaf> leaves(MapNode root) {
        List<Leaf> leaves = new ArrayList<>();
        walkMap(root, "", leaves, 0);
        return leaves;
    }

    private static void walkMap(MapNode map, String path, List<Leaf> leaves, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Optional<String> pairName = pairName(map);
        for (MapNode.Entry e : map.entries()) {
            String childPath = path.isEmpty() ? e.name() : path + "." + e.name();
            String name =
                    pairName.isPresent() && e.name().equals("Value") ? pairName.get() : e.name();
            walk(e.value(), name, childPath, map, leaves, depth + 1);
        }
    }

    private static void walk(
            Node node, String name, String path, MapNode holder, List<Leaf> leaves, int depth) {
        if (node instanceof ScalarNode
                || (node instanceof MapNode m && m.intrinsic().isPresent())) {
            leaves.add(new Leaf(node, name, path, holder));
        } else if (node instanceof MapNode m) {
            walkMap(m, path, leaves, depth);
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                walk(item, name, path + "[]", holder, leaves, depth + 1);
            }
        }
    }

    /** The {@code Name} (or {@code Key}) of a {@code {Name, Value}} pair. */
    private static Optional<String> pairName(MapNode map) {
        if (!map.has("Value")) {
            return Optional.empty();
        }
        return map.getString("Name").or(() -> map.getString("Key"));
    }
}
