package io.jenkins.plugins.promotiongates.approvals;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.audit.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.GateId;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.StepTightening;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import io.jenkins.plugins.promotiongates.steps.AgentWorkspace;
import io.jenkins.plugins.promotiongates.steps.JobApplication;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;

/**
 * Opens the gate of one {@code requireApprovals} call, off the CPS thread: reads the effective
 * policy from the engine, the run's parties from its causes and from the changes the environment has not
 * received (the engine's {@link ChangeWindow} over the inventory), and the artifact's digest from the bytes
 * the controller reads.
 */
final class GateOpener {

    private GateOpener() {}

    /**
     * @param workspace the step's workspace, or {@code null} outside {@code node}
     * @throws AbortException with the engine's message when the arguments or the policy refuse the gate
     */
    static ApprovalGate open(GateRequest request, Run<?, ?> run, FilePath workspace, Clock clock)
            throws IOException, InterruptedException {
        IdNormalizer ids = RealmIdentity.ids();
        try {
            String gateId = GateId.of(request.id, request.environment);
            EffectivePolicy policy = new PolicyTightener(ids, RealmIdentity.groups(ids))
                    .effective(
                            PromotionGatesConfiguration.get().policy().require(request.environment),
                            StepTightening.parse(request.count, request.approvers, request.timeout, request.validity));
            ArtifactDigest digest = digestOf(request.artifact, workspace);
            ChangeWindow window = ChangeWindow.of(
                    EnvironmentInventory.get().current(),
                    JobApplication.of(run, ""),
                    request.environment,
                    run.getParent().getFullName());
            return ApprovalGate.open(gateId, policy, digest, RealmIdentity.parties(run, ids, window), clock);
        } catch (IllegalArgumentException e) { // InvalidPolicyException too
            throw new AbortException("requireApprovals: " + e.getMessage());
        }
    }

    /**
     * The artifact's digest, hashed here on the controller from the bytes it reads from the workspace;
     * {@code null} when no artifact is bound.
     */
    private static ArtifactDigest digestOf(String artifact, FilePath workspace)
            throws IOException, InterruptedException {
        if (artifact == null || artifact.isBlank()) {
            return null;
        }
        if (workspace == null) {
            throw new AbortException(Messages.GateOpener_NeedsWorkspace(artifact));
        }
        return new StreamingDigester()
                .digest(new AgentWorkspace(workspace).file(artifact), EnumSet.of(DigestAlgorithm.SHA256))
                .sha256();
    }
}
