package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PrehashedSignature;
import io.jenkins.plugins.promotiongates.core.signature.PublicKeyStrength;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ECDSA, DER ({@code openssl dgst -sign}, cosign) or r||s. The hash is the curve's own
 * (SHA-256 for P-256, as cosign uses; SHA-384 or SHA-256 for P-384; SHA-512 for P-521).
 */
final class EcdsaScheme implements RawScheme {

    private final PemPublicKey key;
    private final List<byte[]> readings;
    private final String curve;

    EcdsaScheme(PemPublicKey key, List<byte[]> readings) {
        this.key = key;
        this.readings = readings;
        this.curve = PublicKeyStrength.curveName((ECPublicKey) key.key());
    }

    @Override
    public PemPublicKey key() {
        return key;
    }

    @Override
    public Set<String> hashes() {
        return switch (curve) {
            case "P-384" -> Set.of("SHA-384", "SHA-256");
            case "P-521" -> Set.of("SHA-512");
            default -> Set.of("SHA-256");
        };
    }

    @Override
    public boolean needsWholeArtifact() {
        return false;
    }

    @Override
    public String refusal() {
        return null;
    }

    @Override
    public Optional<String> verify(ArtifactHashes hashes, byte[] artifact) {
        for (String hash : hashes()) {
            byte[] digest = hashes.digest(hash);
            for (byte[] signature : readings) {
                boolean p1363 = signature.length > 0 && signature[0] != 0x30;
                if (PrehashedSignature.ecdsa(key.key(), digest, signature, p1363)
                        || (!p1363 && PrehashedSignature.ecdsa(key.key(), digest, signature, true))) {
                    return Optional.of("ECDSA " + curve + "/" + hash);
                }
            }
        }
        return Optional.empty();
    }
}
