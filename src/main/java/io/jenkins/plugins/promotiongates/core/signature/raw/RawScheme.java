package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PublicKeyStrength;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a raw signature is checked with one trusted key. A raw signature names no algorithm, so it
 * follows from the key: RSA (PKCS#1 v1.5 or PSS), ECDSA or Ed25519.
 */
interface RawScheme {

    PemPublicKey key();

    /** The JCA digests of the artifact this scheme needs, computed in the single read. */
    Set<String> hashes();

    /** Whether the whole artifact must be in memory (pure Ed25519). */
    boolean needsWholeArtifact();

    /** Why the policy refuses this key or the signature's hash, or {@code null}. */
    String refusal();

    /**
     * The algorithm (e.g. {@code ECDSA P-256/SHA-256}) if one of the signature's readings
     * verifies.
     *
     * @param artifact the artifact's bytes when {@link #needsWholeArtifact()}, else {@code null}
     */
    Optional<String> verify(ArtifactHashes hashes, byte[] artifact);

    /**
     * The scheme for {@code key}, or empty when raw signatures with such keys are not supported (DSA,
     * ECDSA on curves other than P-256, P-384 and P-521).
     */
    static Optional<RawScheme> forKey(PemPublicKey key, List<byte[]> readings, AlgorithmPolicy policy) {
        if (key.key() instanceof RSAPublicKey) {
            return Optional.of(new RsaScheme(key, readings, policy));
        }
        if (key.key() instanceof ECPublicKey ec && PublicKeyStrength.isNistCurve(ec)) {
            return Optional.of(new EcdsaScheme(key, readings));
        }
        String algorithm = key.key().getAlgorithm();
        if (algorithm.equals("Ed25519") || algorithm.equals("EdDSA")) {
            return Optional.of(new Ed25519Scheme(key, readings));
        }
        return Optional.empty();
    }
}
