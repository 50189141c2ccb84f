package dev.cfnsecrets.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * A source node as the JSON value CloudFormation sees, for JSON Schema checks. Intrinsic functions
 * stay as their long-form objects ({@code {"Fn::Sub": "…"}}), since the source tree already maps
 * the short tags; YAML numbers, booleans and nulls become JSON ones.
 */
final class NodeJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private NodeJson() {}

    static JsonNode of(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = JSON.objectNode();
            map.entries().forEach(e -> object.set(e.name(), of(e.value())));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = JSON.arrayNode();
            list.items().forEach(item -> array.add(of(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.kind()) {
            case NULL -> JSON.nullNode();
            case BOOLEAN -> JSON.booleanNode(scalar.value().equalsIgnoreCase("true"));
            case NUMBER -> number(scalar.value());
            case STRING -> JSON.textNode(scalar.value());
        };
    }

    /** YAML 1.2 core numbers; {@code .inf} and {@code .nan}, which JSON lacks, stay text. */
    private static JsonNode number(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.replaceFirst("^[-+]", "");
        if (unsigned.startsWith("0x") || unsigned.startsWith("0o")) {
            BigInteger value =
                    new BigInteger(unsigned.substring(2), unsigned.startsWith("0x") ? 16 : 8);
            return JSON.numberNode(negative ? value.negate() : value);
        }
        try {
            BigDecimal value = new BigDecimal(lower);
            return unsigned.matches("[0-9]+")
                    ? JSON.numberNode(value.toBigIntegerExact())
                    : JSON.numberNode(value);
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
    }
}
