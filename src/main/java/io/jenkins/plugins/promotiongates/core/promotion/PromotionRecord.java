package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.time.Instant;
import java.util.List;

/**
 * One completed promotion: what the {@code promotion.completed} audit event carries, what is written
 * beside the artifact in a file repository, and what the {@link Inventory} is derived from.
 *
 * @param environment the target environment
 * @param from the source environment, empty for an entry point
 * @param release the application, version and files promoted
 * @param run the promoting run's id, {@code job#number}
 * @param runUrl the promoting run's URL relative to the Jenkins root
 * @param time when the promotion completed
 * @param location where the release is: path, URL or {@code record-only:...}
 * @param stored {@code false} when the repository already held every file under this version (a no-op)
 * @param rollback the target held this release before, and another of the application since
 * @param rollbackFastPath the rollback passed with the environment's {@code rollbackApprovals} instead of its rules
 * @param approvals the approval gates relied on; empty when none was needed
 * @param signatures the signatures relied on, one per file; empty when the target requires none
 * @param policyDigest the digest of the target's effective policy at promotion time
 * @param snapshot the promoting run's environment snapshot
 * @param drift how the snapshot differs from the previous promotion's to the same environment
 */
public record PromotionRecord(
        String environment,
        String from,
        Release release,
        String run,
        String runUrl,
        Instant time,
        String location,
        boolean stored,
        boolean rollback,
        boolean rollbackFastPath,
        List<ApprovalSummary> approvals,
        List<SignatureReference> signatures,
        String policyDigest,
        EnvironmentSnapshot snapshot,
        SnapshotDrift drift) {

    public PromotionRecord {
        from = from == null ? "" : from;
        runUrl = runUrl == null ? "" : runUrl;
        approvals = List.copyOf(approvals);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        snapshot = snapshot == null ? EnvironmentSnapshot.EMPTY : snapshot;
        drift = drift == null ? SnapshotDrift.BASELINE : drift;
    }

    /** The release's application. */
    public String application() {
        return release.application();
    }

    /** The release's version. */
    public String version() {
        return release.version();
    }

    /** The release digest. */
    public ArtifactDigest digest() {
        return release.digest();
    }
}
