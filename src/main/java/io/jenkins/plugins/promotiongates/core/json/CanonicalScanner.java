package io.jenkins.plugins.promotiongates.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks, in one pass over the bytes and without building objects, that a JSON object is exactly
 * in the canonical form that {@link CanonicalJson} writes, and records where the members of the
 * outer objects are. This is what lets the ledger verifier keep pace with {@code sha256sum}: each
 * line is scanned once and hashed in place.
 */
public final class CanonicalScanner {

    /** Members of objects nested up to this depth (0 = the outer object) are recorded. */
    private static final int RECORDED_DEPTH = 2;

    private static final int MAX_DEPTH = 64;

    /** Bytes that stand for themselves in a canonical string: printable ASCII but '"' and '\\'. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x7f; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private byte[] b;
    private int pos;
    private int end;
    private int count;
    private int[] parent = new int[64];
    private int[] keyStart = new int[64];
    private int[] keyEnd = new int[64];
    private int[] valueStart = new int[64];
    private int[] valueEnd = new int[64];

    /** Thrown at the first byte that is not canonical; cheap (no stack trace). */
    public static final class NotCanonical extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        NotCanonical(int offset, String reason) {
            super(reason, null, false, false);
            this.offset = offset;
        }

        /** The index of the first byte that is not canonical. */
        public int offset() {
            return offset;
        }
    }

    /** Scans {@code b[start, end)}, which must be one canonical JSON object and nothing else. */
    public void scan(byte[] bytes, int start, int stop) throws NotCanonical {
        this.b = bytes;
        this.pos = start;
        this.end = stop;
        this.count = 0;
        if (pos >= end || b[pos] != '{') {
            throw fail("expected '{'");
        }
        object(-1, 0);
        if (pos != end) {
            throw fail("unexpected data after the JSON object");
        }
    }

    /** Index of the member {@code key} (ASCII, no escapes) of the object held by member {@code parentIndex} (-1: outer object), or -1. */
    public int find(int parentIndex, byte[] key) {
        int length = key.length;
        for (int i = parentIndex + 1; i < count; i++) {
            if (parent[i] == parentIndex && keyEnd[i] - keyStart[i] == length + 2 && sameBytes(keyStart[i] + 1, key)) {
                return i;
            }
        }
        return -1;
    }

    /** Keys are short: a plain loop is faster here than {@code Arrays.equals}, which is tuned for long ranges. */
    private boolean sameBytes(int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (b[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    public int memberCount(int parentIndex) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (parent[i] == parentIndex) {
                n++;
            }
        }
        return n;
    }

    public int keyStart(int member) {
        return keyStart[member];
    }

    public int valueStart(int member) {
        return valueStart[member];
    }

    public int valueEnd(int member) {
        return valueEnd[member];
    }

    public byte firstByte(int member) {
        return b[valueStart[member]];
    }

    /** True if the string member is plain ASCII matching the event type rule (two or more dotted lower-case words, at most 100 characters). */
    public boolean isEventType(int member) {
        int start = valueStart[member] + 1;
        int stop = valueEnd[member] - 1;
        if (stop - start > 100) {
            return false;
        }
        int words = 0;
        boolean wordStart = true;
        for (int i = start; i < stop; i++) {
            byte c = b[i];
            if (wordStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                wordStart = false;
                words++;
            } else if (c == '.') {
                wordStart = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return !wordStart && words >= 2;
    }

    /** The value of an integer member (already checked to be canonical and in range). */
    public long integer(int member) {
        int i = valueStart[member];
        boolean negative = b[i] == '-';
        long value = 0;
        for (i = negative ? i + 1 : i; i < valueEnd[member]; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return negative ? -value : value;
    }

    private NotCanonical fail(String reason) {
        boolean whitespace = pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\r' || b[pos] == '\n');
        return new NotCanonical(pos, whitespace ? reason + " (no whitespace is allowed)" : reason);
    }

    private void value(int member, int depth) throws NotCanonical {
        if (pos >= end) {
            throw fail("unexpected end of line");
        }
        byte c = b[pos];
        switch (c) {
            case '{' -> object(member, depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw fail("unexpected character '" + (char) (c & 0xff) + "' (no whitespace is allowed)");
                }
            }
        }
    }

    private void object(int owner, int depth) throws NotCanonical {
        if (depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
        boolean record = owner != -2 && depth <= RECORDED_DEPTH;
        pos++;
        if (pos < end && b[pos] == '}') {
            pos++;
            return;
        }
        int previousStart = -1;
        int previousEnd = -1;
        while (true) {
            if (pos >= end || b[pos] != '"') {
                throw fail("expected a key");
            }
            int start = pos;
            string();
            int stop = pos;
            if (previousStart >= 0) {
                int order = compareKeys(previousStart, previousEnd, start, stop);
                if (order == 0) {
                    throw new NotCanonical(start, "duplicate key " + decode(start, stop));
                }
                if (order > 0) {
                    throw new NotCanonical(
                            start, "key " + decode(start, stop) + " is out of order (keys must be sorted)");
                }
            }
            expect(':');
            int index = record ? add(owner, start, stop) : -2;
            int valueBegin = pos;
            value(index, depth + 1);
            if (index >= 0) {
                valueStart[index] = valueBegin;
                valueEnd[index] = pos;
            }
            previousStart = start;
            previousEnd = stop;
            if (pos >= end) {
                throw fail("unexpected end of line inside an object");
            }
            if (b[pos] == ',') {
                pos++;
            } else if (b[pos] == '}') {
                pos++;
                return;
            } else {
                throw fail("expected ',' or '}'");
            }
        }
    }

    private int add(int owner, int start, int stop) {
        if (count == parent.length) {
            int size = count * 2;
            parent = Arrays.copyOf(parent, size);
            keyStart = Arrays.copyOf(keyStart, size);
            keyEnd = Arrays.copyOf(keyEnd, size);
            valueStart = Arrays.copyOf(valueStart, size);
            valueEnd = Arrays.copyOf(valueEnd, size);
        }
        parent[count] = owner;
        keyStart[count] = start;
        keyEnd[count] = stop;
        return count++;
    }

    private void array(int depth) throws NotCanonical {
        if (depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        if (pos < end && b[pos] == ']') {
            pos++;
            return;
        }
        while (true) {
            value(-2, depth + 1);
            if (pos >= end) {
                throw fail("unexpected end of line inside an array");
            }
            if (b[pos] == ',') {
                pos++;
            } else if (b[pos] == ']') {
                pos++;
                return;
            } else {
                throw fail("expected ',' or ']'");
            }
        }
    }

    private void expect(char c) throws NotCanonical {
        if (pos >= end || b[pos] != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void literal(String word) throws NotCanonical {
        int length = word.length();
        if (end - pos < length) {
            throw fail("unexpected end of line");
        }
        for (int i = 0; i < length; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw fail("invalid literal");
            }
        }
        pos += length;
    }

    private void number() throws NotCanonical {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        int digitsStart = pos;
        if (pos >= end || b[pos] < '0' || b[pos] > '9') {
            throw fail("invalid number");
        }
        if (b[pos] == '0') {
            pos++;
            if (pos - start == 2) {
                throw new NotCanonical(start, "-0 is not canonical; write 0");
            }
        } else {
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
        }
        if (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            throw fail("floating-point numbers are not allowed (integers only)");
        }
        if (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            throw fail("leading zeros are not allowed");
        }
        int digits = pos - digitsStart;
        if (digits > 16
                || digits == 16
                        && new String(b, digitsStart, digits, StandardCharsets.US_ASCII).compareTo("9007199254740991")
                                > 0) {
            throw new NotCanonical(start, "integer outside ±9007199254740991");
        }
    }

    private void string() throws NotCanonical {
        pos++;
        while (true) {
            pos = ByteRuns.plainWords(b, pos, end);
            while (pos < end && PLAIN[b[pos] & 0xff]) {
                pos++;
            }
            if (pos >= end) {
                throw fail("unterminated string");
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return;
            } else if (c == '\\') {
                escape();
            } else if (c < 0x20 || c == 0x7f) {
                throw fail(String.format("control character U+%04X must be escaped", c));
            } else {
                multiByte(c);
            }
        }
    }

    private void escape() throws NotCanonical {
        if (pos + 1 >= end) {
            throw fail("unterminated escape");
        }
        byte e = b[pos + 1];
        if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            pos += 2;
            return;
        }
        if (e != 'u' || pos + 6 > end) {
            throw fail("escape '\\" + (char) (e & 0xff) + "' is not canonical");
        }
        int code = 0;
        for (int i = pos + 2; i < pos + 6; i++) {
            int d = b[i];
            int v = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10 : -1;
            if (v < 0) {
                throw fail("\\u escapes use four lower-case hexadecimal digits");
            }
            code = code * 16 + v;
        }
        boolean hasShortForm = code == 8 || code == 9 || code == 10 || code == 12 || code == 13;
        if (!(code < 0x20 && !hasShortForm || code == 0x7f)) {
            throw fail(String.format("U+%04X must not be written as a \\u escape in canonical form", code));
        }
        pos += 6;
    }

    private void multiByte(int lead) throws NotCanonical {
        int length;
        int min = 0x80;
        int max = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            min = lead == 0xe0 ? 0xa0 : 0x80;
            max = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            min = lead == 0xf0 ? 0x90 : 0x80;
            max = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            throw fail("invalid UTF-8");
        }
        if (pos + length > end) {
            throw fail("truncated UTF-8 sequence");
        }
        int second = b[pos + 1] & 0xff;
        if (second < min || second > max) {
            throw fail("invalid UTF-8");
        }
        for (int i = 2; i < length; i++) {
            int next = b[pos + i] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                throw fail("invalid UTF-8");
            }
        }
        pos += length;
    }

    private int compareKeys(int aStart, int aEnd, int bStart, int bEnd) {
        boolean escaped = false;
        for (int i = aStart; i < aEnd && !escaped; i++) {
            escaped = b[i] == '\\';
        }
        for (int i = bStart; i < bEnd && !escaped; i++) {
            escaped = b[i] == '\\';
        }
        if (escaped) {
            return CanonicalJson.compareCodePoints(decode(aStart, aEnd), decode(bStart, bEnd));
        }
        // As Arrays.compareUnsigned, with a plain loop: keys are short.
        int aLength = aEnd - aStart - 2;
        int bLength = bEnd - bStart - 2;
        for (int i = 0; i < Math.min(aLength, bLength); i++) {
            int difference = (b[aStart + 1 + i] & 0xff) - (b[bStart + 1 + i] & 0xff);
            if (difference != 0) {
                return difference;
            }
        }
        return aLength - bLength;
    }

    private String decode(int start, int stop) {
        return decode(b, start, stop);
    }

    /** Decodes a canonical string token (quotes included) at {@code b[start, stop)}. */
    public static String decode(byte[] b, int start, int stop) {
        int first = start + 1;
        int last = stop - 1;
        boolean plain = true;
        for (int i = first; i < last && plain; i++) {
            plain = b[i] != '\\';
        }
        if (plain) {
            return new String(b, first, last - first, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        int i = first;
        while (i < last) {
            int runStart = i;
            while (i < last && b[i] != '\\') {
                i++;
            }
            text.append(new String(b, runStart, i - runStart, StandardCharsets.UTF_8));
            if (i < last) {
                byte e = b[i + 1];
                switch (e) {
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> {
                        text.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII), 16));
                        i += 4;
                    }
                    default -> text.append((char) e);
                }
                i += 2;
            }
        }
        return text.toString();
    }
}
