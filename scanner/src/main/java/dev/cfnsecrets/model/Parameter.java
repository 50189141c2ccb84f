package dev.cfnsecrets.model;

import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.Optional;

/**
 * A template Parameter: its declaration, {@code Default} and whether it is declared {@code NoEcho}.
 */
public record Parameter(String name, ScalarNode key, MapNode node) {

    public Optional<Node> defaultValue() {
        return node.get("Default");
    }

    public String type() {
        return node.getString("Type").orElse("String");
    }

    public boolean noEcho() {
        return node.get("NoEcho")
                .filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).value().equalsIgnoreCase("true"))
                .orElse(false);
    }
}
