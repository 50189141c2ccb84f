package dev.cfnsecrets.source;

import java.util.List;
import java.util.Objects;

public record ListNode(List<Node> items, Span span, String path) implements Node {
    public ListNode {
        items = List.copyOf(items);
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
}
