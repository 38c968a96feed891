package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a tree of maps, lists, strings, integers, booleans and nulls as canonical JSON, byte for
 * byte what {@code jq -cS .} prints (without its trailing newline): keys sorted by code point, no
 * whitespace, non-ASCII written as UTF-8, control characters and DEL as lower-case {@code \}u escapes.
 * Floating-point numbers, and integers beyond +/-(2^53 - 1) that jq would round, are refused.
 */
public final class CanonicalPolicyJson {

    private CanonicalPolicyJson() {}

    /** The canonical text of {@code tree}: the audit's canonical form, so both agree byte for byte. */
    public static String write(Object tree) {
        return new String(CanonicalJson.writeValue(tree), StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code canonical}. */
    public static String sha256Hex(String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256, which every Java SE runtime must provide", e);
        }
    }
}
