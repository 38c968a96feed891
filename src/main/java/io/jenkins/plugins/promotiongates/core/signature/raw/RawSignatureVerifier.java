package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.artifact.ByteSink;
import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PublicKeyStrength;
import io.jenkins.plugins.promotiongates.core.signature.Rejection;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.io.IOException;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

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

    /**
     * A raw signature has no header, so only its shape is recognised: binary, or base64 text, whose
     * bytes are a DER ECDSA signature or have the length of an Ed25519, r||s ECDSA or RSA signature.
     * The detector asks only when no other format recognises the file and a trusted key is a PEM
     * public key.
     */
    @Override
    public boolean recognizes(byte[] signature) {
        if (signature.length == 0 || signature.length > MAX_SIGNATURE) {
            return false;
        }
        List<byte[]> readings = SignatureEncodings.candidates(signature);
        boolean text = isText(signature);
        for (int i = text ? 1 : 0; i < readings.size(); i++) {
            if (hasSignatureShape(readings.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** DER ECDSA, 64/96/132 bytes (Ed25519, r||s P-256/P-384/P-521), or 128 to 2048 bytes (RSA). */
    private static boolean hasSignatureShape(byte[] bytes) {
        int length = bytes.length;
        return isDerEcdsa(bytes) || length == 64 || length == 96 || length == 132 || (length >= 128 && length <= 2048);
    }

    private static boolean isDerEcdsa(byte[] bytes) {
        if (bytes.length < 8 || bytes[0] != 0x30) {
            return false;
        }
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(bytes);
            return primitive instanceof ASN1Sequence sequence
                    && sequence.size() == 2
                    && sequence.getObjectAt(0) instanceof ASN1Integer
                    && sequence.getObjectAt(1) instanceof ASN1Integer
                    && Arrays.equals(primitive.getEncoded("DER"), bytes);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        byte[] signature = input.signature();
        List<PemPublicKey> keys = PemPublicKey.from(input.trustedKeys());
        try {
            return check(input, signature, keys);
        } catch (RuntimeException malformed) {
            return Rejection.of(
                    input, SignatureFormat.RAW, "", "", null, Rejection.malformed("raw", "openssl dgst -sign"));
        } catch (SignatureRejectedException e) {
            return Rejection.of(input, SignatureFormat.RAW, "", "", null, e);
        }
    }

    private Verification check(VerifierInput input, byte[] signature, List<PemPublicKey> keys)
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
                    "cannot be checked: none of the trusted keys (" + Rejection.trustedKeyNames(input)
                            + ") is a PEM public key",
                    "Add the signer's public key in PEM form (openssl pkey -pubout, cosign.pub) to the trusted keys.");
        }
        List<byte[]> readings = SignatureEncodings.candidates(signature);
        List<RawScheme> schemes = new ArrayList<>();
        for (PemPublicKey key : keys) {
            RawScheme.forKey(key, readings, input.policy()).ifPresent(schemes::add);
        }
        if (schemes.isEmpty()) {
            for (PemPublicKey key : keys) {
                String refusal = PublicKeyStrength.refusal(key.key(), input.policy());
                if (refusal != null) {
                    throw new SignatureRejectedException(
                            "cannot be accepted with trusted key " + key.trustedKeyName() + ": " + refusal,
                            POLICY_REMEDY);
                }
            }
            Optional<String> curves = unsupportedCurves(keys);
            if (curves.isPresent()) {
                throw new SignatureRejectedException(
                        "cannot be checked: " + curves.get() + ", an elliptic curve raw signatures do not support",
                        "Sign with an ECDSA P-256, P-384 or P-521 key, an RSA key (2048 bits or more) or an Ed25519"
                                + " key, and trust its public key.");
            }
            throw new SignatureRejectedException(
                    "cannot be checked: the trusted PEM keys are neither RSA, ECDSA nor Ed25519",
                    "Use an RSA (2048 bits or more), ECDSA P-256/P-384/P-521 or Ed25519 key.");
        }
        Set<String> hashes = new LinkedHashSet<>();
        schemes.forEach(scheme -> hashes.addAll(scheme.hashes()));
        WholeArtifact whole = wholeArtifactFor(input, schemes);
        ArtifactHashes artifactHashes = whole == null
                ? ArtifactHashes.read(input.artifact(), hashes)
                : ArtifactHashes.read(input.artifact(), hashes, whole);
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
        return Rejection.of(
                input, SignatureFormat.RAW, "", "", artifactHashes, notVerified(input, schemes, whole, keys));
    }

    private static WholeArtifact wholeArtifactFor(VerifierInput input, List<RawScheme> schemes) throws IOException {
        if (schemes.stream().noneMatch(RawScheme::needsWholeArtifact)) {
            return null;
        }
        long size = input.artifact().size();
        return size >= 0 && size <= ED25519_MAX_ARTIFACT ? new WholeArtifact((int) size) : null;
    }

    /** For example {@code trusted key k.pem is on curve secp256k1}; empty if every EC key is on a NIST curve. */
    private static Optional<String> unsupportedCurves(List<PemPublicKey> keys) {
        List<String> unsupported = new ArrayList<>();
        for (PemPublicKey key : keys) {
            if (key.key() instanceof ECPublicKey ec && !PublicKeyStrength.isNistCurve(ec)) {
                unsupported.add(
                        "trusted key " + key.trustedKeyName() + " is on curve " + PublicKeyStrength.curveName(ec));
            }
        }
        return unsupported.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unsupported));
    }

    private static SignatureRejectedException notVerified(
            VerifierInput input, List<RawScheme> schemes, WholeArtifact whole, List<PemPublicKey> keys) {
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
        String skipped = unsupportedCurves(keys)
                .map(curves -> "; not tried: " + curves + ", an elliptic curve raw signatures do not support")
                .orElse("");
        return new SignatureRejectedException(
                "does not verify with any trusted key (" + Rejection.trustedKeyNames(input)
                        + "): the artifact changed after signing, the signature belongs to another file, or another key made it"
                        + skipped,
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
