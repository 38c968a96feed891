package io.jenkins.plugins.promotiongates.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists of names as administrators and pipeline authors type them in one field, the way the
 * {@code input} step's {@code submitter} is written: {@code alice, bob} or {@code alice bob}.
 */
public final class NameList {

    private NameList() {}

    /** The names in order, each once; blank text gives an empty list. */
    public static List<String> parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            for (String name : text.split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * A step's arguments with each of {@code nameLists} accepted as a Groovy list of names as well as
     * one comma-separated string, as Pipeline authors write either: a list becomes the canonical text
     * ({@link #format}), a string is kept as it is; every other argument is left alone.
     *
     * @throws IllegalArgumentException naming the parameter when a value is neither, or a list holds
     *     something other than a non-blank name
     */
    public static Map<String, Object> acceptingLists(Map<String, Object> arguments, Set<String> nameLists) {
        Map<String, Object> accepted = new LinkedHashMap<>(arguments);
        for (String parameter : nameLists) {
            Object value = accepted.get(parameter);
            if (value instanceof Collection<?> list) {
                List<String> names = new ArrayList<>();
                for (Object name : list) {
                    if (!(name instanceof CharSequence text) || text.toString().isBlank()) {
                        throw new IllegalArgumentException(
                                parameter + " holds " + (name == null ? "null" : "'" + name + "'")
                                        + ", which is not a name. Give names as a list of strings, ['release-team',"
                                        + " 'ops'], or as one comma-separated string, 'release-team, ops'.");
                    }
                    names.add(text.toString().trim());
                }
                accepted.put(parameter, format(names));
            } else if (value != null && !(value instanceof CharSequence)) {
                throw new IllegalArgumentException(
                        parameter + " is " + value.getClass().getSimpleName()
                                + " " + value + ", not names. Give names as a list of strings, ['release-team', 'ops'],"
                                + " or as one comma-separated string, 'release-team, ops'.");
            }
        }
        return accepted;
    }

    /** The canonical text of a list: names joined by {@code ", "}. */
    public static String format(List<String> names) {
        return String.join(", ", names);
    }
}
