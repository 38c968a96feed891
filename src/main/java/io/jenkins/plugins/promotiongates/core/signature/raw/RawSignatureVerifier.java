package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.artifact.ByteSink;
import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PublicKeyStrength;
import io.jenkins.plugins.promotiongates.core.signature.Rejection;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Raw signatures over the artifact with a PEM public key: {@code openssl dgst -sign} (RSA PKCS#1
 * v1.5 or PSS, ECDSA), {@code openssl pkeyutl -sign -rawin} (Ed25519) and {@code cosign
 * sign-blob --key} (base64 ECDSA P-256 over SHA-256). The signature carries no key identifier,
 * so every trusted PEM key is tried, each with the scheme its type implies; all digests are
 * computed in one read.
 */
public final class RawSignatureVerifier implements SignatureVerifier {

    /** Largest artifact a pure Ed25519 signature is checked over (it must be held in memory). */
    public static final long ED25519_MAX_ARTIFACT = 256L * 1024 * 1024;

    /** Largest raw signature file: an RSA-16384 signature in base64 with room to spare. */
    private static final int MAX_SIGNATURE = 8 * 1024;

    private static final String POLICY_REMEDY =
            "Sign with a key and hash the algorithm policy accepts, or have an administrator change the policy.";

    @Override
    public SignatureFormat format() {
        return SignatureFormat.RAW;
    }

    /** A raw signature has no structure to recognise; detection falls back to it explicitly. */
    @Override
    public boolean recognizes(byte[] signature) {
        return false;
    }

    @Override
    public Verification verify(VerificationRequest request) throws IOException {
        byte[] signature = request.signature();
        List<PemPublicKey> keys = PemPublicKey.from(request.trustedKeys());
        try {
            return check(request, signature, keys);
        } catch (RuntimeException malformed) {
            return Rejection.of(
                    request, SignatureFormat.RAW, "", "", null, Rejection.malformed("raw", "openssl dgst -sign"));
        } catch (SignatureRejectedException e) {
            return Rejection.of(request, SignatureFormat.RAW, "", "", null, e);
        }
    }

    private Verification check(VerificationRequest request, byte[] signature, List<PemPublicKey> keys)
            throws IOException, SignatureRejectedException {
        if (signature.length == 0) {
            throw new SignatureRejectedException(
                    "is empty", "Sign the artifact again and keep the whole signature file.");
        }
        if (signature.length > MAX_SIGNATURE) {
            throw new SignatureRejectedException(
                    "is " + signature.length + " bytes, more than any raw signature (at most " + MAX_SIGNATURE + ")",
                    "Check that the signature parameter names the signature file, not the artifact.");
        }
        if (keys.isEmpty()) {
            throw new SignatureRejectedException(
                    "cannot be checked: none of the trusted keys (" + Rejection.trustedKeyNames(request)
                            + ") is a PEM public key",
                    "Add the signer's public key in PEM form (openssl pkey -pubout, cosign.pub) to the trusted keys.");
        }
        List<byte[]> readings = SignatureEncodings.candidates(signature);
        List<RawScheme> schemes = new ArrayList<>();
        for (PemPublicKey key : keys) {
            RawScheme.forKey(key, readings, request.policy()).ifPresent(schemes::add);
        }
        if (schemes.isEmpty()) {
            for (PemPublicKey key : keys) {
                String refusal = PublicKeyStrength.refusal(key.key(), request.policy());
                if (refusal != null) {
                    throw new SignatureRejectedException(
                            "cannot be accepted with trusted key " + key.trustedKeyName() + ": " + refusal,
                            POLICY_REMEDY);
                }
            }
            throw new SignatureRejectedException(
                    "cannot be checked: the trusted PEM keys are neither RSA, ECDSA nor Ed25519",
                    "Use an RSA (2048 bits or more), ECDSA P-256/P-384 or Ed25519 key.");
        }
        Set<String> hashes = new LinkedHashSet<>();
        schemes.forEach(scheme -> hashes.addAll(scheme.hashes()));
        WholeArtifact whole = wholeArtifactFor(request, schemes);
        ArtifactHashes artifactHashes = whole == null
                ? ArtifactHashes.read(request.artifact(), hashes)
                : ArtifactHashes.read(request.artifact(), hashes, whole);
        byte[] content = whole == null ? null : whole.content();
        for (RawScheme scheme : schemes) {
            Optional<String> algorithm = scheme.verify(artifactHashes, content);
            if (algorithm.isPresent()) {
                return new Verification(
                        true,
                        SignatureFormat.RAW,
                        algorithm.get(),
                        artifactHashes.sha256(),
                        artifactHashes.size(),
                        scheme.key().fingerprint(),
                        scheme.key().trustedKeyName(),
                        scheme.key().trustedKeyName(),
                        List.of(),
                        "");
            }
        }
        return Rejection.of(request, SignatureFormat.RAW, "", "", artifactHashes, notVerified(request, schemes, whole));
    }

    private static WholeArtifact wholeArtifactFor(VerificationRequest request, List<RawScheme> schemes)
            throws IOException {
        if (schemes.stream().noneMatch(RawScheme::needsWholeArtifact)) {
            return null;
        }
        long size = request.artifact().size();
        return size >= 0 && size <= ED25519_MAX_ARTIFACT ? new WholeArtifact((int) size) : null;
    }

    private static SignatureRejectedException notVerified(
            VerificationRequest request, List<RawScheme> schemes, WholeArtifact whole) {
        for (RawScheme scheme : schemes) {
            if (scheme.refusal() != null) {
                return new SignatureRejectedException(
                        "cannot be accepted with trusted key " + scheme.key().trustedKeyName() + ": "
                                + scheme.refusal(),
                        POLICY_REMEDY);
            }
        }
        if (whole == null && schemes.stream().anyMatch(RawScheme::needsWholeArtifact)) {
            return new SignatureRejectedException(
                    "cannot be checked: a pure Ed25519 signature covers the whole file, and files over "
                            + ED25519_MAX_ARTIFACT / (1024 * 1024) + " MiB are not held in memory",
                    "Sign a smaller file (for example a sha256sum checksum file of the artifact) or use ECDSA or RSA.");
        }
        return new SignatureRejectedException(
                "does not verify with any trusted key (" + Rejection.trustedKeyNames(request)
                        + "): the artifact changed after signing, the signature belongs to another file, or another key made it",
                "Check that the signature was made over this exact file by one of the trusted keys, and sign again if it was rebuilt.");
    }

    /** Collects the artifact's bytes during the single read, for pure Ed25519. */
    private static final class WholeArtifact implements ByteSink {
        private final byte[] content;
        private int filled;

        WholeArtifact(int size) {
            this.content = new byte[size];
        }

        @Override
        public void accept(byte[] buffer, int offset, int length) throws IOException {
            if (filled + length > content.length) {
                throw new IOException("The artifact grew while it was being read; verify it once it is complete.");
            }
            System.arraycopy(buffer, offset, content, filled, length);
            filled += length;
        }

        byte[] content() throws IOException {
            if (filled != content.length) {
                throw new IOException("The artifact shrank while it was being read; verify it once it is complete.");
            }
            return content;
        }
    }
}
