package io.jenkins.plugins.promotiongates.core.sink;

import java.util.List;

/** A sink's settings that cannot be used; the message names every field, the reason and the remedy. */
public final class InvalidSinkException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSinkException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each {@code sinks[name].field: reason. Remedy.} */
    public List<String> problems() {
        return problems;
    }
}
