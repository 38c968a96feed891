package io.jenkins.plugins.promotiongates.core.promotion;

/**
 * The preconditions {@code promoteArtifact} checks, all of them every time, in this order. Only the
 * approval wait ({@code requireApprovals}, {@code ApprovalGate}) is called a gate in the engine; the labels
 * here are persisted as they were (the step's {@code gates} list, the {@code gate.passed} and
 * {@code gate.failed} events).
 */
public enum Precondition {
    /** The target may be promoted to from the source, and the artifact is in the source now. */
    PATH("path"),
    /** A signature over this digest, by a key the target trusts, was verified in this run. */
    SIGNATURE("signature"),
    /** The target's approvals hold for this digest and policy, unexpired. */
    APPROVALS("approvals"),
    /** The run's branch may promote to the target. */
    BRANCH("branch"),
    /** Inside one of the target's change windows and outside its freezes. */
    CHANGE_WINDOW("changeWindow"),
    /** The artifact spent the target's soak time in the source. */
    SOAK_TIME("soakTime"),
    /** The version does not already hold a different digest in the target. */
    VERSION("version"),
    /**
     * What the target requires the release to show: tests, SBOM, scans, metrics, external checks. One result
     * per required kind, and none when the target requires no evidence.
     */
    EVIDENCE("evidence");

    private final String label;

    Precondition(String label) {
        this.label = label;
    }

    /** The precondition's name in messages, records and the step's return value. */
    public String label() {
        return label;
    }
}
