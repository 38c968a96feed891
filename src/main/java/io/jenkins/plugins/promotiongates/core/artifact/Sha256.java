package io.jenkins.plugins.promotiongates.core.artifact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 in its text form, 64 lower-case hexadecimal digits, as the audit format, the content store
 * and {@code sha256sum} write it: hashing to hex, checking hex, and comparing in constant time, on
 * strings and (for the ledger verifier, which works in place on a line's bytes) on byte ranges. A
 * digest that crosses a boundary as a value is an {@link ArtifactDigest}.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    /** The value of each lower-case hexadecimal digit; -1 for every other byte. */
    private static final byte[] DIGIT = new byte[256];

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            DIGIT[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            DIGIT[c] = (byte) (c - 'a' + 10);
        }
    }

    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HEX.formatHex(DigestAlgorithm.SHA256.newMessageDigest().digest(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of two hex digests. */
    public static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the 64 lower-case hexadecimal digits of the 32-byte digest {@code sum} to {@code out[at, at + 64)}. */
    public static void hex(byte[] sum, byte[] out, int at) {
        for (int i = 0; i < 32; i++) {
            out[at + 2 * i] = (byte) HEX.toLowHexDigit(sum[i] >> 4);
            out[at + 2 * i + 1] = (byte) HEX.toLowHexDigit(sum[i]);
        }
    }

    /**
     * Reads 64 hexadecimal digits at {@code hex[at]} (already checked to be lower-case hex) into
     * the 32 bytes {@code out[outAt, outAt + 32)}.
     */
    public static void raw(byte[] hex, int at, byte[] out, int outAt) {
        for (int i = 0; i < 32; i++) {
            out[outAt + i] = (byte) (DIGIT[hex[at + 2 * i] & 0xff] << 4 | DIGIT[hex[at + 2 * i + 1] & 0xff]);
        }
    }

    /** True if {@code bytes[at, at + 64)} are 64 lower-case hexadecimal digits. */
    public static boolean isHex(byte[] bytes, int at) {
        int invalid = 0;
        for (int i = at; i < at + 64; i++) {
            invalid |= DIGIT[bytes[i] & 0xff];
        }
        return invalid >= 0;
    }

    /** Constant-time comparison of {@code a[aAt, aAt + length)} and {@code b[bAt, bAt + length)}. */
    public static boolean same(byte[] a, int aAt, byte[] b, int bAt, int length) {
        int difference = 0;
        for (int i = 0; i < length; i++) {
            difference |= a[aAt + i] ^ b[bAt + i];
        }
        return difference == 0;
    }

    /** True for exactly 64 lower-case hexadecimal digits. */
    public static boolean isHex(String value) {
        // ISO-8859-1 keeps each char one byte: every char above U+00FF becomes '?', which is no digit
        return value != null && value.length() == 64 && isHex(value.getBytes(StandardCharsets.ISO_8859_1), 0);
    }
}
