package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PrehashedSignature;
import io.jenkins.plugins.promotiongates.core.signature.PublicKeyStrength;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RSA: PKCS#1 v1.5 (its hash is read from the signature's DigestInfo before the artifact is
 * read) or PSS with SHA-256, SHA-384 or SHA-512 (all three computed in the same read).
 */
final class RsaScheme implements RawScheme {

    private static final List<String> PSS_HASHES = List.of("SHA-256", "SHA-384", "SHA-512");

    private final PemPublicKey key;
    private final List<byte[]> readings;
    private final AlgorithmPolicy policy;
    private final Set<String> hashes = new LinkedHashSet<>();
    private String refusal;

    RsaScheme(PemPublicKey key, List<byte[]> readings, AlgorithmPolicy policy) {
        this.key = key;
        this.readings = readings;
        this.policy = policy;
        this.refusal = PublicKeyStrength.refusal(key.key(), policy);
        for (byte[] signature : readings) {
            Optional<String> pkcs1Hash = Pkcs1DigestInfo.hashOf((RSAPublicKey) key.key(), signature);
            if (pkcs1Hash.isPresent()) {
                String hashRefusal = policy.refuseHash(pkcs1Hash.get());
                if (hashRefusal != null && refusal == null) {
                    refusal = hashRefusal;
                }
                hashes.add(pkcs1Hash.get());
            } else {
                hashes.addAll(PSS_HASHES);
            }
        }
    }

    @Override
    public PemPublicKey key() {
        return key;
    }

    @Override
    public Set<String> hashes() {
        return refusal == null ? Set.copyOf(hashes) : Set.of();
    }

    @Override
    public boolean needsWholeArtifact() {
        return false;
    }

    @Override
    public String refusal() {
        return refusal;
    }

    @Override
    public Optional<String> verify(ArtifactHashes artifactHashes, byte[] artifact) {
        if (refusal != null) {
            return Optional.empty();
        }
        String name = PublicKeyStrength.describe(key.key());
        for (String hash : hashes) {
            byte[] digest = artifactHashes.digest(hash);
            for (byte[] signature : readings) {
                if (PrehashedSignature.rsaPkcs1(key.key(), hash, digest, signature)) {
                    return Optional.of(name + "/" + hash);
                }
                if (PSS_HASHES.contains(hash) && PrehashedSignature.rsaPss(key.key(), hash, digest, signature)) {
                    return Optional.of(name + "/PSS/" + hash);
                }
            }
        }
        return Optional.empty();
    }
}
