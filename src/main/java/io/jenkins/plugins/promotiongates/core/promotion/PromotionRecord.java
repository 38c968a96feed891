package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.time.Instant;
import java.util.List;

/**
 * One completed promotion: what the {@code promotion.completed} audit event carries, what is written
 * beside the artifact in a file repository, and what the {@link Inventory} is derived from.
 *
 * @param environment the target environment
 * @param from the source environment, empty for an entry point
 * @param artifact the artifact's file name
 * @param version the version it was promoted as
 * @param digest the artifact's SHA-256
 * @param size size in bytes, {@code -1} when unknown
 * @param run the promoting run's id, {@code job#number}
 * @param runUrl the promoting run's URL relative to the Jenkins root
 * @param time when the promotion completed
 * @param location where the artifact is: path, URL or {@code record-only:...}
 * @param stored {@code false} when the repository already held this digest under this version (a no-op)
 * @param rollback the target held this digest before, and another since
 * @param rollbackFastPath the rollback passed with the environment's {@code rollbackApprovals} instead of its rules
 * @param approvals the gates relied on; empty when none was needed
 * @param signature the signature relied on, or {@code null} when the target requires none
 * @param policyDigest the digest of the target's effective policy at promotion time
 * @param snapshot the promoting run's environment snapshot
 * @param drift how the snapshot differs from the previous promotion's to the same environment
 */
public record PromotionRecord(
        String environment,
        String from,
        String artifact,
        String version,
        ArtifactDigest digest,
        long size,
        String run,
        String runUrl,
        Instant time,
        String location,
        boolean stored,
        boolean rollback,
        boolean rollbackFastPath,
        List<ApprovalSummary> approvals,
        SignatureReference signature,
        String policyDigest,
        EnvironmentSnapshot snapshot,
        SnapshotDrift drift) {

    public PromotionRecord {
        from = from == null ? "" : from;
        runUrl = runUrl == null ? "" : runUrl;
        approvals = List.copyOf(approvals);
        snapshot = snapshot == null ? EnvironmentSnapshot.EMPTY : snapshot;
        drift = drift == null ? SnapshotDrift.BASELINE : drift;
    }
}
