package dev.cfnsecrets.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping in source order. Keys are unique: of duplicate keys the parser keeps the last, as
 * CloudFormation does, and reports the duplicate as CFS001.
 */
public record MapNode(List<Entry> entries, Span span, String path) implements Node {

    public record Entry(ScalarNode key, Node value) {
        public String name() {
            return key.value();
        }
    }

    public MapNode {
        entries = List.copyOf(entries);
    }

    /**
     * Hashes by place, not by subtree: the record's own hash walked every node below, so each map
     * or set keyed by a resource (or anything holding its node) cost the resource's whole size per
     * look-up. Equal nodes still hash alike, as they have the same span and path.
     */
    @Override
    public int hashCode() {
        return Objects.hash(span, path);
    }

    /**
     * {@code entries} with one entry per key: the last one written, in the place of the first (in
     * one linear pass).
     */
    static List<Entry> lastWins(List<Entry> entries) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry e : entries) {
            byName.put(e.name(), e);
        }
        return List.copyOf(byName.values());
    }

    public Optional<Node> get(String key) {
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.name().equals(key)).findFirst();
    }

    public Optional<MapNode> getMap(String key) {
        return get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    public Optional<String> getString(String key) {
        return get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).value());
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /**
     * The single entry of an intrinsic-function map such as {@code {"Fn::Sub": …}}, if this is one.
     */
    public Optional<Entry> intrinsic() {
        if (entries.size() == 1) {
            Entry only = entries.get(0);
            if (Intrinsics.isFunctionKey(only.name())) {
                return Optional.of(only);
            }
        }
        return Optional.empty();
    }
}
