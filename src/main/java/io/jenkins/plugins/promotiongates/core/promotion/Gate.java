package io.jenkins.plugins.promotiongates.core.promotion;

/** The preconditions {@code promoteArtifact} checks, all of them every time, in this order. */
public enum Gate {
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

    Gate(String label) {
        this.label = label;
    }

    /** The gate's name in messages, records and the step's return value. */
    public String label() {
        return label;
    }
}
