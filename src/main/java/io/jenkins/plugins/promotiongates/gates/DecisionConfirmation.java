package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;

/**
 * The page that asks "really reject?" or "really break the glass?" before the decision is posted, since
 * either ends the gate at once and cannot be undone. A page of its own with a POST form, rather than a
 * script: the views run no inline script. Nothing is decided until its form is submitted.
 */
public final class DecisionConfirmation {

    private final GatePage gate;
    private final DecisionKind kind;
    private final String comment;
    private final String artifactDigest;
    private final String policyDigest;

    DecisionConfirmation(
            GatePage gate,
            DecisionKind kind,
            @CheckForNull String comment,
            String artifactDigest,
            String policyDigest) {
        if (kind == DecisionKind.APPROVE) {
            throw new IllegalArgumentException("an approval is taken without confirmation");
        }
        this.gate = gate;
        this.kind = kind;
        this.comment = comment == null ? "" : comment;
        this.artifactDigest = artifactDigest == null ? "" : artifactDigest;
        this.policyDigest = policyDigest == null ? "" : policyDigest;
    }

    public GatePage getGate() {
        return gate;
    }

    /** Whether this confirms a break-glass; else a rejection. */
    public boolean isBreakGlass() {
        return kind == DecisionKind.BREAK_GLASS;
    }

    /** The endpoint the confirmed decision is posted to, relative to the gate's page. */
    public String getAction() {
        return isBreakGlass() ? "breakGlass" : "reject";
    }

    /** The form field the comment is posted as. */
    public String getField() {
        return isBreakGlass() ? "justification" : "comment";
    }

    /** The comment or justification typed on the gate's page. */
    public String getComment() {
        return comment;
    }

    /** The artifact digest the gate's page showed, posted back with the decision. */
    public String getArtifactDigest() {
        return artifactDigest;
    }

    /** The policy digest the gate's page showed, posted back with the decision. */
    public String getPolicyDigest() {
        return policyDigest;
    }
}
