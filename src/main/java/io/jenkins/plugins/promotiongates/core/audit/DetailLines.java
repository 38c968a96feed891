package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event's details as people read them on the run's audit page: one {@code key: value} line per
 * value, nested members as {@code key.member}, items of a list of objects as {@code key[0].member},
 * a list of plain values on one line separated by commas, recorded times to the second. The exact
 * details stay in the JSON export and {@code api/json}.
 */
final class DetailLines {

    static final String NONE = "(none)";

    private DetailLines() {}

    /** The lines of {@code details}; none when the event has no details. */
    static List<String> of(JsonNode details) {
        List<String> lines = new ArrayList<>();
        if (details == null || details.isMissingNode() || details.isNull()) {
            return lines;
        }
        if (details.isObject() && details.isEmpty()) {
            return lines;
        }
        add(lines, "", details);
        return List.copyOf(lines);
    }

    private static void add(List<String> lines, String key, JsonNode value) {
        if (value.isObject() && !value.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                add(lines, key.isEmpty() ? field.getKey() : key + "." + field.getKey(), field.getValue());
            }
        } else if (value.isArray() && !value.isEmpty() && !allPlain(value)) {
            for (int i = 0; i < value.size(); i++) {
                add(lines, key + "[" + i + "]", value.get(i));
            }
        } else {
            lines.add((key.isEmpty() ? "" : key + ": ") + text(value));
        }
    }

    private static boolean allPlain(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode value) {
        if (value.isNull() || value.isContainerNode() && value.isEmpty()) {
            return NONE;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        String text = value.asText();
        return value.isTextual() && DisplayTime.isInstant(text) ? DisplayTime.ofText(text) : text;
    }
}
