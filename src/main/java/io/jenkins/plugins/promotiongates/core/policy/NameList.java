package io.jenkins.plugins.promotiongates.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** The canonical text of a list: names joined by {@code ", "}. */
    public static String format(List<String> names) {
        return String.join(", ", names);
    }
}
