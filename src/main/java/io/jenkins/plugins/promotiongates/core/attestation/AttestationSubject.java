package io.jenkins.plugins.promotiongates.core.attestation;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;

/**
 * One file of a promoted release, as an in-toto Statement names it in its {@code subject}:
 * {@code {"name": <name>, "digest": {"sha256": <hex>}}}. Consumers such as
 * {@code cosign verify-blob-attestation} match a file to a subject by its SHA-256, so only SHA-256
 * digests are accepted.
 *
 * @param name the file's name in the release, such as {@code app.tar.gz}
 * @param digest the SHA-256 the controller computed over the file's bytes
 */
public record AttestationSubject(String name, ArtifactDigest digest) {

    /**
     * @throws IllegalArgumentException if the name is empty or the digest is missing or not SHA-256
     */
    public AttestationSubject {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(
                    "An attestation subject needs the file's name in the release, such as app.tar.gz; it was empty.");
        }
        if (digest == null || digest.algorithm() != DigestAlgorithm.SHA256) {
            throw new IllegalArgumentException("Attestation subject '" + name + "' needs a sha256 digest, not "
                    + ArtifactDigest.text(digest) + ": in-toto consumers match files by SHA-256.");
        }
    }
}
