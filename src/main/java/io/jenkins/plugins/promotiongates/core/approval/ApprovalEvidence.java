package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.DurationText;
import io.jenkins.plugins.promotiongates.core.policy.Verdict;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.time.Instant;

/**
 * The approvals precondition as {@code promoteArtifact} evaluates it: a closed gate's approvals still hold
 * for a release when the gate let the run through, it was bound to the release (its release digest, or
 * for a one-file release the file's digest: {@link Release#approvedBy}), and (unless
 * the glass was broken) its approvals still meet every rule now, none expired.
 */
public final class ApprovalEvidence {

    private ApprovalEvidence() {}

    public static Verdict check(GateSnapshot gate, Release release, Instant now) {
        String environment = gate.policy().name();
        if (!gate.state().letsThrough()) {
            return Verdict.fail("gate '" + gate.gateId() + "' for " + environment + " is " + gate.state()
                    + "; run requireApprovals again and get the approvals");
        }
        if (!release.approvedBy(gate.artifactDigest())) {
            return Verdict.fail("gate '" + gate.gateId() + "' approved digest '"
                    + ArtifactDigest.text(gate.artifactDigest()) + "', not release " + release.application() + " "
                    + release.version() + " ('" + release.digest() + "')"
                    + "; approvals are bound to a digest: request approvals for this release");
        }
        if (gate.state() == GateState.BROKEN_GLASS) {
            return Verdict.pass("BROKEN GLASS at " + DisplayTime.of(gate.closedAt()) + " (" + gate.closeReason() + ")");
        }
        Quorum quorum = Quorum.evaluate(gate.policy(), gate.parties(), gate.decisions(), now);
        if (!quorum.met()) {
            return Verdict.fail("only " + quorum.assignment().filledTotal() + " of "
                    + quorum.assignment().requiredTotal() + " approvals for " + environment
                    + " are still valid; environments[" + environment + "].approvalValidity is "
                    + DurationText.format(gate.policy().environment().approvalValidity()) + " and "
                    + quorum.expired().size() + " approval(s) expired; request approvals again");
        }
        return Verdict.pass(quorum.assignment().filledTotal() + " of "
                + quorum.assignment().requiredTotal() + " valid approvals for " + environment);
    }
}
