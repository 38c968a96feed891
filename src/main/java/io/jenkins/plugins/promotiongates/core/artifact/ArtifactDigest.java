package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.Serializable;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The one digest type: an algorithm and its value, with one text form, {@code sha256:<lower-case hex>}.
 * Every digest that crosses a boundary (a step's parameter or result, an approval, a promotion, the
 * audit, the inventory, REST, a page) is one of these, parsed once where it enters and compared only
 * through {@link #matches}, in constant time.
 */
public final class ArtifactDigest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DigestAlgorithm algorithm;
    private final byte[] value;

    private ArtifactDigest(DigestAlgorithm algorithm, byte[] value) {
        if (value.length != algorithm.length()) {
            throw new IllegalArgumentException(
                    "A " + algorithm.label() + " digest is " + algorithm.length() + " bytes, not " + value.length);
        }
        this.algorithm = algorithm;
        this.value = value.clone();
    }

    /** The digest of {@code algorithm} whose bytes are {@code value}. */
    public static ArtifactDigest of(DigestAlgorithm algorithm, byte[] value) {
        return new ArtifactDigest(algorithm, value);
    }

    /**
     * Parses the text form, {@code sha256:} followed by the lower-case hex value.
     *
     * @param what what the text is, for the message (such as {@code requireApprovals digest})
     * @throws IllegalArgumentException naming the input, why it is refused and what to pass instead
     */
    public static ArtifactDigest parse(String text, String what) {
        String given = text == null ? "" : text;
        int colon = given.indexOf(':');
        if (colon < 0) {
            throw refused(what, given, "it has no algorithm prefix");
        }
        DigestAlgorithm algorithm;
        try {
            algorithm = DigestAlgorithm.parse(given.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw refused(what, given, "its algorithm is not one of sha256, sha384, sha512");
        }
        if (!given.substring(0, colon).equals(algorithm.label())) {
            throw refused(what, given, "the algorithm must be written in lower case as " + algorithm.label());
        }
        return fromHex(algorithm, given.substring(colon + 1), what, given);
    }

    /**
     * A digest from its bare hex value, as {@code sha256sum} prints it and the audit format's
     * {@code sha256} fields hold it.
     *
     * @throws IllegalArgumentException naming the input, why it is refused and what to pass instead
     */
    public static ArtifactDigest ofHex(DigestAlgorithm algorithm, String hex, String what) {
        return fromHex(algorithm, hex == null ? "" : hex, what, hex == null ? "" : hex);
    }

    /** @param whole the input as given, for the message */
    private static ArtifactDigest fromHex(DigestAlgorithm algorithm, String given, String what, String whole) {
        if (given.length() != algorithm.length() * 2) {
            throw refused(
                    what,
                    whole,
                    "a " + algorithm.label() + " value is " + algorithm.length() * 2 + " hexadecimal digits, not "
                            + given.length());
        }
        for (int i = 0; i < given.length(); i++) {
            char c = given.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw refused(what, whole, "it holds '" + c + "', and only lower-case hexadecimal digits 0-9a-f");
            }
        }
        return new ArtifactDigest(algorithm, HexFormat.of().parseHex(given));
    }

    /**
     * Parses the text form where a digest is optional: {@code null} for an empty or missing text.
     *
     * @throws IllegalArgumentException as {@link #parse} does for a text that is not empty
     */
    public static ArtifactDigest parseIfPresent(String text, String what) {
        return text == null || text.isEmpty() ? null : parse(text, what);
    }

    /** The text form of an optional digest: empty for {@code null}. */
    public static String text(ArtifactDigest digest) {
        return digest == null ? "" : digest.toString();
    }

    /** Whether two optional digests are the same: both absent, or both present and {@link #matches}. */
    public static boolean same(ArtifactDigest a, ArtifactDigest b) {
        return a == null ? b == null : a.matches(b);
    }

    /** Whether {@code text} is a well-formed digest in the text form. */
    public static boolean isValid(String text) {
        try {
            parse(text, "digest");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IllegalArgumentException refused(String what, String given, String reason) {
        String shown = given.length() > 80 ? given.substring(0, 80) + "..." : given;
        return new IllegalArgumentException(what + " '" + shown + "' is not a digest: " + reason
                + ". Write it as sha256: followed by the 64 lower-case hexadecimal digits that sha256sum prints,"
                + " such as sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.");
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    /** The digest's bytes. */
    public byte[] value() {
        return value.clone();
    }

    /** The value in lower-case hex, as {@code sha256sum} prints it. */
    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    /** Same algorithm and same value, compared in constant time. */
    public boolean matches(ArtifactDigest other) {
        return other != null && algorithm == other.algorithm && MessageDigest.isEqual(value, other.value);
    }

    /** The text form, such as {@code sha256:9f86d0...}. */
    @Override
    public String toString() {
        return algorithm.label() + ":" + hex();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArtifactDigest digest && matches(digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }
}
