package io.jenkins.plugins.promotiongates.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;

/**
 * Turns the glue's plain Java values into JSON, accepting only what audit JSON can hold: no
 * reflection over arbitrary objects, no floating-point numbers.
 */
public final class DetailsJson {

    private DetailsJson() {}

    public static JsonNode toNode(Object value, String path) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return nodes.numberNode(big);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Audit " + path + " has a non-text key " + entry.getKey() + ".");
                }
                object.set(key, toNode(entry.getValue(), path + "." + key));
            }
            return object;
        }
        if (value instanceof Iterable<?> list) {
            ArrayNode array = nodes.arrayNode();
            int i = 0;
            for (Object item : list) {
                array.add(toNode(item, path + "[" + i++ + "]"));
            }
            return array;
        }
        String kind = value instanceof Number
                ? "a floating-point number"
                : "a " + value.getClass().getSimpleName();
        throw new IllegalArgumentException("Audit " + path + " is " + kind + " (" + value
                + "); audit JSON holds strings, integers, booleans, null, lists and maps only.");
    }
}
