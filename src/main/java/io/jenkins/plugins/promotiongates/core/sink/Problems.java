package io.jenkins.plugins.promotiongates.core.sink;

import java.util.List;

/** Collects field problems as {@code field: reason. Remedy.} lines. */
final class Problems {

    private Problems() {}

    static void add(List<String> problems, String field, String problem) {
        if (problem != null) {
            problems.add(field + ": " + problem);
        }
    }

    static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidSinkException(problems);
        }
    }
}
