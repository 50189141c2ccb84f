package dev.cfnsecrets.source;

import java.util.List;

public record ListNode(List<Node> items, Span span, String path) implements Node {
    public ListNode {
        items = List.copyOf(items);
    }
}
