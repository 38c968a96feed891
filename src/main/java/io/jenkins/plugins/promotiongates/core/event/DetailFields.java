package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads members of a recorded event for the typed details records: leniently (a missing or non-text
 * member reads as empty, as the pages show it) or strictly (a member a gate relies on must be a bounded
 * string, else the event is not used and the message names the member by its path in the event).
 */
public final class DetailFields {

    /** Longest text taken from a strictly read member; longer values are refused as malformed. */
    static final int MAX_TEXT = 4096;

    private DetailFields() {}

    /** The member's text, or empty when it is missing or null. */
    static String text(JsonNode details, String name) {
        return details.path(name).asText("");
    }

    /** The texts of a list member, each as {@link JsonNode#asText()}; empty when it is missing. */
    static List<String> texts(JsonNode details, String name) {
        List<String> values = new ArrayList<>();
        details.path(name).forEach(value -> values.add(value.asText()));
        return values;
    }

    /**
     * A string member read strictly.
     *
     * @param object the event member that holds it, such as the event's {@code details}
     * @param path the member's path in the event, such as {@code details.format}; its last part names it
     * @param required whether a missing, null or empty member is refused (otherwise it reads as empty)
     * @throws IllegalArgumentException naming the path and what is wrong with the member
     */
    public static String strictText(JsonNode object, String path, boolean required) {
        JsonNode value = object.path(path.substring(path.lastIndexOf('.') + 1));
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(path + " is missing");
            }
            return "";
        }
        String text = bounded(value, path);
        if (required && text.isEmpty()) {
            throw new IllegalArgumentException(path + " is empty");
        }
        return text;
    }

    /**
     * A list of strings read strictly; a missing member is an empty list.
     *
     * @throws IllegalArgumentException if it is not a list of bounded strings
     */
    static List<String> strictTexts(JsonNode details, String name) {
        String path = "details." + name;
        JsonNode list = details.path(name);
        if (!list.isMissingNode() && !list.isArray()) {
            throw new IllegalArgumentException(path + " is not a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list) {
            values.add(bounded(value, path + "[]"));
        }
        return values;
    }

    private static String bounded(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + " is not a string");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new IllegalArgumentException(path + " is longer than " + MAX_TEXT + " characters");
        }
        return value.asText();
    }
}
