package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PrehashedSignature;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

/**
 * Checks an OpenPGP document signature over the artifact in one read. For binary signatures by
 * RSA, ECDSA and EdDSA keys the signature hash is computed by one JDK {@link MessageDigest} over
 * the artifact and then the signature trailer; when that hash is SHA-256 the audit digest is a
 * copy of the same state taken before the trailer, so the artifact is hashed once. Text
 * signatures (0x01, which need line-ending canonicalisation) and other key types go through Bouncy
 * Castle's {@code PGPSignature.update} with the JDK-backed content verifier, beside the audit
 * SHA-256.
 */
final class PgpDataSignature {

    /** The outcome: whether it verified, and the artifact's digest. */
    record Result(boolean verified, ArtifactHashes hashes) {}

    private PgpDataSignature() {}

    static Result verify(PGPSignature signature, PGPPublicKey key, String hash, ArtifactContent artifact)
            throws IOException, PGPException {
        int algorithm = signature.getKeyAlgorithm();
        boolean prehashable = signature.getSignatureType() == PGPSignature.BINARY_DOCUMENT
                && (algorithm == PublicKeyAlgorithmTags.RSA_GENERAL
                        || algorithm == PublicKeyAlgorithmTags.RSA_SIGN
                        || algorithm == PublicKeyAlgorithmTags.ECDSA
                        || algorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY
                        || algorithm == PublicKeyAlgorithmTags.Ed25519);
        return prehashable ? prehashed(signature, key, hash, artifact) : streamed(signature, key, artifact);
    }

    private static Result prehashed(PGPSignature signature, PGPPublicKey key, String hash, ArtifactContent artifact)
            throws IOException, PGPException {
        MessageDigest digest = newDigest(hash);
        boolean shared = hash.equals("SHA-256");
        Digests read = new StreamingDigester()
                .digest(artifact, shared ? Set.of() : EnumSet.of(DigestAlgorithm.SHA256), digest::update);
        byte[] auditSha256 = shared ? copy(digest).digest() : read.get(DigestAlgorithm.SHA256);
        digest.update(signature.getSignatureTrailer());
        byte[] signatureHash = digest.digest();
        ArtifactHashes hashes = ArtifactHashes.of(read.size(), auditSha256);
        byte[] prefix = signature.getDigestPrefix();
        if (prefix == null || prefix.length != 2 || prefix[0] != signatureHash[0] || prefix[1] != signatureHash[1]) {
            return new Result(false, hashes);
        }
        PublicKey publicKey = new JcaPGPKeyConverter().getPublicKey(key);
        byte[] value = signature.getSignature();
        boolean verified =
                switch (signature.getKeyAlgorithm()) {
                    case PublicKeyAlgorithmTags.ECDSA ->
                        PrehashedSignature.ecdsa(publicKey, signatureHash, value, false);
                    case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 ->
                        PrehashedSignature.ed25519(publicKey, signatureHash, value);
                    default -> PrehashedSignature.rsaPkcs1(publicKey, hash, signatureHash, value);
                };
        return new Result(verified, hashes);
    }

    private static Result streamed(PGPSignature signature, PGPPublicKey key, ArtifactContent artifact)
            throws IOException, PGPException {
        signature.init(new JcaPGPContentVerifierBuilderProvider(), key);
        ArtifactHashes hashes = ArtifactHashes.read(artifact, Set.of(), signature::update);
        return new Result(signature.verify(), hashes);
    }

    private static MessageDigest newDigest(String hash) throws PGPException {
        try {
            return MessageDigest.getInstance(hash);
        } catch (GeneralSecurityException e) {
            throw new PGPException("The JDK offers no " + hash, e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 supports clone()", e);
        }
    }
}
