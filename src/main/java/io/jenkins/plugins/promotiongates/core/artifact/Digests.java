package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The digests of one artifact, computed in one read, with its size in bytes.
 *
 * @param size number of bytes read
 * @param values digest bytes per algorithm
 */
public record Digests(long size, Map<DigestAlgorithm, byte[]> values) implements Serializable {

    public Digests {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** The digest for {@code algorithm}; it must have been requested. */
    public byte[] get(DigestAlgorithm algorithm) {
        byte[] value = values.get(algorithm);
        if (value == null) {
            throw new IllegalArgumentException(algorithm.jcaName() + " was not computed for this artifact");
        }
        return value.clone();
    }

    /** Lower-case hexadecimal digest, as {@code sha256sum} prints it. */
    public String hex(DigestAlgorithm algorithm) {
        return HexFormat.of().formatHex(get(algorithm));
    }

    /** The digest for {@code algorithm} as the one digest type; it must have been requested. */
    public ArtifactDigest digest(DigestAlgorithm algorithm) {
        return ArtifactDigest.of(algorithm, get(algorithm));
    }

    /** The SHA-256 every gate and the audit rely on; it must have been requested. */
    public ArtifactDigest sha256() {
        return digest(DigestAlgorithm.SHA256);
    }
}
