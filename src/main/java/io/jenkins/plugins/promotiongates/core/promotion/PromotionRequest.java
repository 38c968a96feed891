package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import java.util.List;

/**
 * One {@code promoteArtifact} call, with everything the gates need from the run. The glue fills it.
 *
 * @param artifact the workspace path as the step was given it, such as {@code dist/app.tar.gz}
 * @param digest the artifact's SHA-256, computed by the controller from the bytes it read
 * @param size the artifact's size in bytes
 * @param from the source environment; empty or {@code null} when promoting into an entry point
 * @param to the target environment
 * @param version the version to promote as
 * @param run the promoting run
 * @param branch the run's branch, or {@code null} when it has none
 * @param signatures this run's {@code verifySignature} results, with the trusted key of each
 * @param gates this run's approval gates ({@code requireApprovals}) as the ledger confirms them
 *     ({@link RecordedApprovals}), oldest first
 * @param snapshot the run's environment snapshot ({@link EnvironmentSnapshot#capture})
 */
public record PromotionRequest(
        String artifact,
        ArtifactDigest digest,
        long size,
        String from,
        String to,
        String version,
        RunRef run,
        String branch,
        List<VerifiedSignature> signatures,
        List<LedgerGate> gates,
        EnvironmentSnapshot snapshot) {

    /**
     * @throws IllegalArgumentException naming the parameter, why it is refused and what to pass instead
     */
    public PromotionRequest {
        if (digest == null) {
            throw new IllegalArgumentException("promoteArtifact needs the artifact's digest, computed from its bytes");
        }
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("promoteArtifact needs 'to', the environment to promote to");
        }
        to = to.trim();
        from = from == null ? "" : from.trim();
        ArtifactCoordinates.of(artifact, version);
        signatures = List.copyOf(signatures);
        gates = List.copyOf(gates);
        snapshot = snapshot == null ? EnvironmentSnapshot.EMPTY : snapshot;
    }

    /** The artifact's file name and version, as repositories store them. */
    public ArtifactCoordinates coordinates() {
        return ArtifactCoordinates.of(artifact, version);
    }
}
