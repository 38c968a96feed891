package io.jenkins.plugins.promotiongates.core.sink;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.Test;

/** Retries wait exponentially longer, up to a ceiling, at a random point in the upper half of each wait. */
public class BackoffTest {

    @Test
    public void waitsDoubleUpToTheCeilingWithJitterInTheUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(42));
        long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000};
        for (int failures = 1; failures <= ceilings.length; failures++) {
            long ceiling = ceilings[failures - 1];
            for (int sample = 0; sample < 200; sample++) {
                long wait = backoff.after(failures).toMillis();
                assertTrue(failures + " failures: " + wait, wait >= ceiling / 2 && wait <= ceiling);
            }
        }
        long wait = backoff.after(10_000).toMillis();
        assertTrue("no overflow after many failures: " + wait, wait >= 150_000 && wait <= 300_000);
    }

    @Test
    public void twoSendersDoNotRetryInLockstep() {
        Backoff a = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(1));
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(2));
        int same = 0;
        for (int failures = 3; failures < 13; failures++) {
            if (a.after(failures).equals(b.after(failures))) {
                same++;
            }
        }
        assertTrue(same < 3);
    }
}
