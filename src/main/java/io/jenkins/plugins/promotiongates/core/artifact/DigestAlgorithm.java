package io.jenkins.plugins.promotiongates.core.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The digests the engine computes over artifacts. Always the JDK's {@link MessageDigest}
 * implementations, whose SHA-NI intrinsics are several times faster than pure-Java digests.
 */
public enum DigestAlgorithm {
    SHA256("SHA-256", 32),
    SHA384("SHA-384", 48),
    SHA512("SHA-512", 64);

    private final String jcaName;
    private final int length;

    DigestAlgorithm(String jcaName, int length) {
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The standard JCA name, such as {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    /** Lower-case name as tools print it: {@code sha256}, {@code sha512}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A fresh JDK message digest for this algorithm. */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(
                    "The JDK lacks " + jcaName + ", which every Java SE runtime must provide", e);
        }
    }

    /**
     * Parses {@code sha256}, {@code SHA-256} and similar spellings.
     *
     * @throws IllegalArgumentException naming the value and the supported names
     */
    public static DigestAlgorithm parse(String name) {
        String normalized =
                name == null ? "" : name.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.name().equals(normalized)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException(
                "Unsupported digest algorithm '" + name + "'. Use one of sha256, sha384, sha512.");
    }
}
