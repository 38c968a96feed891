package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.ByteSink;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The artifact's digests from one read: always the audit SHA-256, plus the hashes a signature
 * needs (JCA names such as {@code SHA-384}, or {@code SHA-1} when policy allows it). Each
 * algorithm is computed once with the JDK's {@link MessageDigest}, so a SHA-256 signature costs a
 * single SHA-256 pass.
 *
 * @param size bytes read
 * @param sha256 the artifact's SHA-256, for the gates and the audit
 * @param digests digest per JCA name, including {@code SHA-256}
 */
public record ArtifactHashes(long size, ArtifactDigest sha256, Map<String, byte[]> digests) {

    public ArtifactHashes {
        digests = Map.copyOf(digests);
    }

    /** The digest computed for {@code jcaName}. */
    public byte[] digest(String jcaName) {
        byte[] value = digests.get(jcaName);
        if (value == null) {
            throw new IllegalArgumentException(jcaName + " was not computed for this artifact");
        }
        return value.clone();
    }

    /**
     * Reads {@code artifact} once, computing SHA-256 and every hash in {@code jcaNames}, and
     * feeding each further sink from the same buffer.
     */
    public static ArtifactHashes read(ArtifactContent artifact, Collection<String> jcaNames, ByteSink... sinks)
            throws IOException {
        Set<DigestAlgorithm> standard = EnumSet.of(DigestAlgorithm.SHA256);
        Map<String, MessageDigest> others = new LinkedHashMap<>();
        for (String name : jcaNames) {
            DigestAlgorithm known = standardAlgorithm(name);
            if (known != null) {
                standard.add(known);
            } else {
                others.put(name, newDigest(name));
            }
        }
        List<ByteSink> allSinks = new ArrayList<>(List.of(sinks));
        others.values().forEach(digest -> allSinks.add(digest::update));
        Digests digests = new StreamingDigester().digest(artifact, standard, allSinks.toArray(ByteSink[]::new));
        Map<String, byte[]> values = new HashMap<>();
        standard.forEach(algorithm -> values.put(algorithm.jcaName(), digests.get(algorithm)));
        others.forEach((name, digest) -> values.put(name, digest.digest()));
        return new ArtifactHashes(digests.size(), digests.sha256(), values);
    }

    /** Hashes from a digest computed elsewhere (the audit SHA-256 and the size). */
    public static ArtifactHashes of(long size, byte[] sha256) {
        return new ArtifactHashes(size, ArtifactDigest.of(DigestAlgorithm.SHA256, sha256), Map.of("SHA-256", sha256));
    }

    private static DigestAlgorithm standardAlgorithm(String jcaName) {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (algorithm.jcaName().equals(jcaName)) {
                return algorithm;
            }
        }
        return null;
    }

    private static MessageDigest newDigest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("The JDK offers no " + jcaName + " digest", e);
        }
    }
}
