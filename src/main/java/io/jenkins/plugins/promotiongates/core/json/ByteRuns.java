package io.jenkins.plugins.promotiongates.core.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of runs of bytes eight at a time (one {@code long} per step, SWAR): the next
 * newline of a JSON Lines buffer, and the end of the bytes that stand for themselves in a
 * canonical JSON string. Exact: a word is skipped only when none of its bytes is one looked for.
 */
public final class ByteRuns {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteRuns() {}

    /** Index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
    public static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = zeroBytes((long) WORDS.get(b, i) ^ ONES * '\n');
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first byte in {@code b[from, to)} that is not printable ASCII other than
     * {@code '"'} and {@code '\\'} (0x20 to 0x7e), or {@code to}. Bytes of whole words are checked
     * here; the caller checks the remaining bytes one by one.
     */
    public static int plainWords(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) WORDS.get(b, i);
            long special = word & HIGHS // 0x80 and above
                    | (word - ONES * 0x20) & ~word & HIGHS // below 0x20
                    | zeroBytes(word ^ ONES * 0x7f)
                    | zeroBytes(word ^ ONES * '"')
                    | zeroBytes(word ^ ONES * '\\');
            if (special != 0) {
                return i;
            }
        }
        return i;
    }

    /** The high bit of each zero byte of {@code word} is set (bits above the lowest zero byte may be set wrongly), none if it has none. */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }
}
