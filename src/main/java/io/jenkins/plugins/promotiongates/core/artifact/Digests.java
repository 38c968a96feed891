package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.Serializable;
import java.security.MessageDigest;
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

    /**
     * The digest as approvals and reports name it: the algorithm's label, a colon and lower-case hex,
     * such as {@code sha256:9f86d0...}.
     */
    public String labelled(DigestAlgorithm algorithm) {
        return algorithm.label() + ":" + hex(algorithm);
    }

    /** Compares in constant time, so a digest check leaks nothing through timing. */
    public boolean matches(DigestAlgorithm algorithm, byte[] expected) {
        return MessageDigest.isEqual(get(algorithm), expected);
    }
}
