package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** SHA-256 digests as lower-case hex text: checked on input, compared in constant time. */
public final class Sha256Hex {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256Hex() {}

    public static boolean isValid(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /**
     * @throws IllegalArgumentException naming the value and what a digest must look like
     */
    public static String require(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("The artifact digest '" + value
                    + "' is not a SHA-256 in lower-case hex (64 characters 0-9a-f); pass the digest the gates"
                    + " were evaluated for, as sha256sum prints it.");
        }
        return value;
    }

    /** Constant-time comparison, so that comparing digests leaks nothing through timing. */
    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
