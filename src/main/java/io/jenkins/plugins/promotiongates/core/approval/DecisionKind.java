package io.jenkins.plugins.promotiongates.core.approval;

/** What a person did at a gate. */
public enum DecisionKind {
    /** Counts toward the quorum while it is valid. */
    APPROVE,
    /** A veto: closes the gate as rejected. */
    REJECT,
    /** A named administrator forced the gate open with a justification. */
    BREAK_GLASS
}
