package io.jenkins.plugins.promotiongates.core.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.Test;

/**
 * The eight-bytes-at-a-time searches find exactly what a byte-by-byte loop finds, at every
 * alignment, and the canonical scanner that uses them still accepts exactly what Jackson writes.
 */
public class ByteRunsTest {

    private static final byte[] SPECIAL = {
        0,
        1,
        0x0a,
        0x1f,
        0x20,
        0x21,
        '"',
        '\\',
        0x7e,
        0x7f,
        (byte) 0x80,
        (byte) 0xc3,
        (byte) 0xff,
        0x5b,
        0x5d,
        0x09,
        0x0b,
        0x09
    };

    private final Random random = new Random(8);

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int choice = random.nextInt(10);
            bytes[i] = choice < 6
                    ? (byte) (0x20 + random.nextInt(0x5f))
                    : choice < 8 ? SPECIAL[random.nextInt(SPECIAL.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static boolean plain(byte b) {
        return b >= 0x20 && b < 0x7f && b != '"' && b != '\\';
    }

    @Test
    public void newlineIsTheFirstNewline() {
        for (int trial = 0; trial < 20000; trial++) {
            byte[] bytes = randomBytes(random.nextInt(40));
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                expected = bytes[i] == '\n' ? i : -1;
            }
            assertEquals(Arrays.toString(bytes) + " " + from + ".." + to, expected, ByteRuns.newline(bytes, from, to));
        }
    }

    @Test
    public void plainWordsStopAtTheFirstWordWithASpecialByte() {
        for (int trial = 0; trial < 20000; trial++) {
            byte[] bytes = randomBytes(random.nextInt(60));
            if (random.nextBoolean()) { // long plain runs, then one special byte, are the common case
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = plain(bytes[i]) ? bytes[i] : (byte) 'x';
                }
                if (bytes.length > 0) {
                    bytes[random.nextInt(bytes.length)] = SPECIAL[random.nextInt(SPECIAL.length)];
                }
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int firstSpecial = from;
            while (firstSpecial < to && plain(bytes[firstSpecial])) {
                firstSpecial++;
            }
            int words = Math.min((firstSpecial - from) / 8, (to - from) / 8);
            assertEquals(
                    Arrays.toString(bytes) + " " + from + ".." + to,
                    from + 8 * words,
                    ByteRuns.plainWords(bytes, from, to));
        }
    }

    @Test
    public void scannerAcceptsARandomStringExactlyWhenJacksonWritesItSo() throws Exception {
        CanonicalScanner scanner = new CanonicalScanner();
        int accepted = 0;
        for (int trial = 0; trial < 20000; trial++) {
            String padding = "p".repeat(random.nextInt(8)); // every alignment of the string's first byte
            byte[] value = randomBytes(random.nextInt(30));
            byte[] head = ("{\"" + padding + "\":\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] json = new byte[head.length + value.length + 2];
            System.arraycopy(head, 0, json, 0, head.length);
            System.arraycopy(value, 0, json, head.length, value.length);
            json[json.length - 2] = '"';
            json[json.length - 1] = '}';
            boolean scannerAccepts = CanonicalOracle.scannerAccepts(scanner, json, 0, json.length);
            boolean canonical = CanonicalOracle.jacksonWritesItSo(json);
            assertEquals(Arrays.toString(value), canonical, scannerAccepts);
            accepted += scannerAccepts ? 1 : 0;
        }
        assertTrue("accepted: " + accepted, accepted > 2000);
    }
}
