package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.io.Serializable;
import java.util.List;

/**
 * The verdict of one verification, a value for the step's return map and the audit event.
 *
 * @param verified whether the signature is valid, by a trusted key, over this artifact, within policy
 * @param format the format that was checked
 * @param algorithm signature and hash algorithm, e.g. {@code Ed25519}, {@code RSA-3072/SHA-256}
 * @param artifactDigest the artifact's SHA-256, computed in the same read; {@code null} when the artifact
 *     could not be read
 * @param artifactSize artifact size in bytes
 * @param keyFingerprint fingerprint of the key that signed, as its tool prints it; empty if unknown
 * @param trustedKey the name ({@link TrustedKey#name()}) of the trusted key whose material verified
 *     the signature, so that a policy can check it against an environment's trusted keys; empty
 *     when not verified, or when nothing was signed (an unsigned checksum file)
 * @param signerIdentity user id, certificate subject, SSH principal or trusted comment; empty if none
 * @param warnings things the user should know that did not fail verification
 * @param failure when not verified: what was wrong with which input, and how to fix it; empty otherwise
 */
public record Verification(
        boolean verified,
        SignatureFormat format,
        String algorithm,
        ArtifactDigest artifactDigest,
        long artifactSize,
        String keyFingerprint,
        String trustedKey,
        String signerIdentity,
        List<String> warnings,
        String failure)
        implements Serializable {

    public Verification {
        trustedKey = trustedKey == null ? "" : trustedKey;
        if (!verified && !trustedKey.isEmpty()) {
            throw new IllegalArgumentException("a failed verification names no trusted key, got '" + trustedKey + "'");
        }
        warnings = List.copyOf(warnings);
    }
}
