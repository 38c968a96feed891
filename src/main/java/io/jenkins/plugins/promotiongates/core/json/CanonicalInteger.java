package io.jenkins.plugins.promotiongates.core.json;

/** Writes an integer in canonical JSON form (decimal, {@code -} for negative values only, no leading zeros). */
public final class CanonicalInteger {

    private CanonicalInteger() {}

    /**
     * Writes {@code value} right-aligned at the end of {@code out} (at least 20 bytes) and returns
     * the index of its first byte.
     */
    public static int write(long value, byte[] out) {
        int at = out.length;
        long rest = value < 0 ? value : -value; // negative, so that Long.MIN_VALUE works too
        do {
            out[--at] = (byte) ('0' - rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (value < 0) {
            out[--at] = '-';
        }
        return at;
    }
}
