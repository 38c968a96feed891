package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.util.List;
import java.util.Optional;

/**
 * What a verifier is asked to check.
 *
 * @param artifactName the artifact as the user named it (for messages and the audit)
 * @param artifact the artifact's bytes, read by whoever verifies (a confined local file, or bytes the
 *     controller streams from a workspace)
 * @param signatureName the signature file as the user named it
 * @param signature the signature file's bytes (size-capped by the caller)
 * @param trustedKeys the keys allowed to sign
 * @param policy the algorithm floor
 * @param namespace SSHSIG namespace; empty means {@code file}
 * @param identity expected signer identity (SSH principal, certificate subject, OpenPGP user id); empty means any trusted key
 */
public record VerificationRequest(
        String artifactName,
        ArtifactContent artifact,
        String signatureName,
        byte[] signature,
        List<TrustedKey> trustedKeys,
        AlgorithmPolicy policy,
        Optional<String> namespace,
        Optional<String> identity) {

    public VerificationRequest {
        signature = signature.clone();
        trustedKeys = List.copyOf(trustedKeys);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
