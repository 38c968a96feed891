package io.jenkins.plugins.promotiongates.core.audit;

import java.util.Optional;

/**
 * The result of verifying a bundle.
 *
 * @param problem the first broken link and why; empty when verified
 * @param job the run's job (when readable)
 * @param build the run's build number (when readable)
 * @param events number of events
 * @param checkpoint the covering checkpoint (when readable)
 * @param keyFingerprint fingerprint of the key the checkpoint was checked against
 */
public record BundleVerification(
        Optional<String> problem,
        String job,
        long build,
        int events,
        Optional<Checkpoint> checkpoint,
        String keyFingerprint) {

    public boolean verified() {
        return problem.isEmpty();
    }
}
