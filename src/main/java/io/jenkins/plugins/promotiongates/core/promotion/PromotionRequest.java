package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.util.List;

/**
 * One {@code promoteArtifact} call, with everything the preconditions need from the run. The glue fills it.
 *
 * @param release the application, version and files to promote, each file's digest computed by the
 *     controller from the bytes it read
 * @param from the source environment; empty or {@code null} when promoting into an entry point
 * @param to the target environment
 * @param run the promoting run
 * @param branch the run's branch, or {@code null} when it has none
 * @param signatures this run's {@code verifySignature} results, with the trusted key of each
 * @param gates this run's approval gates ({@code requireApprovals}) as the ledger confirms them
 *     ({@link RecordedApprovals}), oldest first
 * @param snapshot the run's environment snapshot ({@link EnvironmentSnapshot#capture})
 */
public record PromotionRequest(
        Release release,
        String from,
        String to,
        RunRef run,
        String branch,
        List<VerifiedSignature> signatures,
        List<LedgerGate> gates,
        EnvironmentSnapshot snapshot) {

    /**
     * @throws IllegalArgumentException naming the parameter, why it is refused and what to pass instead
     */
    public PromotionRequest {
        if (release == null) {
            throw new IllegalArgumentException(
                    "promoteArtifact needs the release: name its files with artifact:, files: or archived:");
        }
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("promoteArtifact needs 'to', the environment to promote to");
        }
        to = to.trim();
        from = from == null ? "" : from.trim();
        signatures = List.copyOf(signatures);
        gates = List.copyOf(gates);
        snapshot = snapshot == null ? EnvironmentSnapshot.EMPTY : snapshot;
    }

    /** The release digest, which approvals are bound to and the inventory compares. */
    public ArtifactDigest digest() {
        return release.digest();
    }

    /** The release's application. */
    public String application() {
        return release.application();
    }
}
