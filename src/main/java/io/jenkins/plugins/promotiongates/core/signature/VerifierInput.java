package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.util.List;
import java.util.Optional;

/**
 * What a verifier checks: the {@link VerificationRequest} as it was asked, unchanged, with what the
 * verification service resolved for it: the bytes of the signed file and of the signature, and the key
 * material of the trusted keys.
 *
 * @param request the request, as it was asked
 * @param artifactName the file the signature is over as the user named it (for messages and the audit): the
 *     request's artifact, or the checksum list that names it ({@link #overChecksumList})
 * @param artifact that file's bytes, read by whoever verifies (a confined local file, or bytes the controller
 *     streams from a workspace)
 * @param signatureName the signature file as the user named it, or as it was found next to the signed file
 * @param signature the signature file's bytes (size-capped by the caller)
 * @param trustedKeys the keys allowed to sign
 * @param policy the algorithm floor
 */
public record VerifierInput(
        VerificationRequest request,
        String artifactName,
        ArtifactContent artifact,
        String signatureName,
        byte[] signature,
        List<TrustedKey> trustedKeys,
        AlgorithmPolicy policy) {

    public VerifierInput {
        signature = signature.clone();
        trustedKeys = List.copyOf(trustedKeys);
    }

    /**
     * The input for a signature over the request's artifact itself.
     *
     * @param artifact the artifact's bytes
     * @param signatureName the signature file, as given or found
     */
    public static VerifierInput of(
            VerificationRequest request,
            ArtifactContent artifact,
            String signatureName,
            byte[] signature,
            List<TrustedKey> trustedKeys,
            AlgorithmPolicy policy) {
        return new VerifierInput(request, request.artifact(), artifact, signatureName, signature, trustedKeys, policy);
    }

    /**
     * The same request, signature and keys, over the request's checksum list instead of its artifact: the
     * first half of a signed checksum list's verification.
     *
     * @throws IllegalStateException if the request names no checksum list
     */
    public VerifierInput overChecksumList(ArtifactContent list) {
        String name = request.checksumList()
                .orElseThrow(() -> new IllegalStateException("the request names no checksum list"));
        return new VerifierInput(request, name, list, signatureName, signature, trustedKeys, policy);
    }

    /** SSHSIG namespace; empty means {@code file}. */
    public Optional<String> namespace() {
        return request.namespace();
    }

    /** Expected signer identity (SSH principal, certificate subject, OpenPGP user id); empty means any trusted key. */
    public Optional<String> identity() {
        return request.identity();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
