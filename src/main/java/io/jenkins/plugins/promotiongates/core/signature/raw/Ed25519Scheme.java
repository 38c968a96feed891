package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pure Ed25519 ({@code openssl pkeyutl -sign -rawin}). Its signature covers the whole message,
 * not a digest, and the JDK's implementation keeps the message in memory, so the artifact is
 * held in memory: {@link RawSignatureVerifier#ED25519_MAX_ARTIFACT} caps it.
 */
final class Ed25519Scheme implements RawScheme {

    private final PemPublicKey key;
    private final List<byte[]> readings;

    Ed25519Scheme(PemPublicKey key, List<byte[]> readings) {
        this.key = key;
        this.readings = readings.stream().filter(r -> r.length == 64).toList();
    }

    @Override
    public PemPublicKey key() {
        return key;
    }

    @Override
    public Set<String> hashes() {
        return Set.of();
    }

    @Override
    public boolean needsWholeArtifact() {
        return !readings.isEmpty();
    }

    @Override
    public String refusal() {
        return null;
    }

    @Override
    public Optional<String> verify(ArtifactHashes hashes, byte[] artifact) {
        if (artifact == null) {
            return Optional.empty();
        }
        for (byte[] signature : readings) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key.key());
                verifier.update(artifact);
                if (verifier.verify(signature)) {
                    return Optional.of("Ed25519");
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // not a valid signature with this key
            }
        }
        return Optional.empty();
    }
}
