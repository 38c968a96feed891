package io.jenkins.plugins.promotiongates.core.json;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.Test;

/** The integer writer the ledger hashes with writes what {@link Long#toString(long)} writes, right-aligned. */
public class CanonicalIntegerTest {

    @Test
    public void writesWhatLongToStringWritesAtTheEndOfTheBuffer() {
        long[] edges = {
            0,
            1,
            -1,
            9,
            -9,
            10,
            -10,
            99,
            100,
            CanonicalJson.MAX_INTEGER,
            -CanonicalJson.MAX_INTEGER,
            Long.MAX_VALUE,
            Long.MIN_VALUE
        };
        Random random = new Random(20);
        for (int trial = 0; trial < 2000 + edges.length; trial++) {
            long value = trial < edges.length ? edges[trial] : random.nextLong() >> random.nextInt(64);
            byte[] out = new byte[24];
            Arrays.fill(out, (byte) '#');
            int start = CanonicalInteger.write(value, out);
            String expected = Long.toString(value);
            assertEquals(expected, new String(out, start, out.length - start, StandardCharsets.US_ASCII));
            assertEquals(expected, out.length - expected.length(), start);
            assertEquals("nothing before the number is touched", '#', out[start - 1]);
        }
    }
}
