package io.jenkins.plugins.promotiongates.core.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy, or a step's tightening of it, was refused. The message lists every problem, each
 * naming the setting at fault; {@link #problems()} gives them one by one (for form validation).
 */
public final class InvalidPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidPolicyException(String field, String message) {
        this(List.of(new PolicyProblem(field, message)));
    }

    /** Each problem, in the order found. */
    public List<PolicyProblem> problems() {
        return problems == null ? List.of() : problems;
    }
}
