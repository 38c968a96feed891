package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete state of an approval gate as a plain value: what the glue stores with the run and
 * the step execution (as is, or as JSON through {@link GateSnapshotJson}) and restores after a restart.
 *
 * @param gateId the gate's id, unique within its run
 * @param policy the effective policy the gate enforces
 * @param policyDigest {@code policy.digest()} when the gate opened
 * @param artifactDigest the artifact digest approvals are bound to; {@code null} when bound to none
 * @param parties the run's starter and change authors
 * @param openedAt when the gate opened
 * @param deadline when the gate times out
 * @param state the current state
 * @param decisions every accepted decision, in the order accepted
 * @param closedAt when the gate closed, or {@code null} while waiting
 * @param closedBy who closed it: the deciding user, the user who stopped the run, or empty for the timeout
 * @param closeReason why it closed, in words; empty while waiting
 */
public record GateSnapshot(
        String gateId,
        EffectivePolicy policy,
        String policyDigest,
        ArtifactDigest artifactDigest,
        RunParties parties,
        Instant openedAt,
        Instant deadline,
        GateState state,
        List<Decision> decisions,
        Instant closedAt,
        String closedBy,
        String closeReason)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public GateSnapshot {
        decisions = List.copyOf(decisions);
        closedBy = closedBy == null ? "" : closedBy;
        closeReason = closeReason == null ? "" : closeReason;
    }

    GateSnapshot with(Decision decision) {
        List<Decision> more = new ArrayList<>(decisions);
        more.add(decision);
        return new GateSnapshot(
                gateId,
                policy,
                policyDigest,
                artifactDigest,
                parties,
                openedAt,
                deadline,
                state,
                more,
                closedAt,
                closedBy,
                closeReason);
    }

    GateSnapshot close(GateState target, Instant at, String by, String reason) {
        return new GateSnapshot(
                gateId,
                policy,
                policyDigest,
                artifactDigest,
                parties,
                openedAt,
                deadline,
                state.moveTo(target),
                decisions,
                at,
                by,
                reason);
    }
}
