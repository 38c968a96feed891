package io.jenkins.plugins.promotiongates.core.time;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

public class CountdownTest {

    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    public void aDurationIsSaidInItsTwoLargestUnitsTruncated() {
        assertEquals("3 h 12 min", Countdown.words(Duration.ofSeconds(3 * 3600 + 12 * 60 + 59)));
        assertEquals("2 d 4 h", Countdown.words(Duration.ofDays(2).plusHours(4).plusMinutes(59)));
        assertEquals("7 d", Countdown.words(Duration.ofDays(7)));
        assertEquals("2 d", Countdown.words(Duration.ofDays(2).plusMinutes(5)));
        assertEquals("1 d", Countdown.words(Duration.ofHours(24)));
        assertEquals("23 h 59 min", Countdown.words(Duration.ofHours(24).minusSeconds(1)));
        assertEquals("1 min 30 s", Countdown.words(Duration.ofSeconds(90)));
        assertEquals("45 s", Countdown.words(Duration.ofSeconds(45)));
        assertEquals("0 s", Countdown.words(Duration.ofMillis(999)));
        assertEquals("0 s", Countdown.words(Duration.ofSeconds(-5)));
        assertEquals("0 s", Countdown.words(null));
    }

    @Test
    public void aDeadlineCountsDownAndThenSaysHowLongAgoItPassed() {
        assertEquals(
                "closes in 3 h 12 min",
                Countdown.closesIn(NOW, NOW.plus(Duration.ofMinutes(192)).plusMillis(500)));
        assertEquals("closes in 1 s", Countdown.closesIn(NOW, NOW.plusSeconds(1)));
        assertEquals("deadline passed 0 s ago", Countdown.closesIn(NOW, NOW));
        assertEquals("deadline passed 5 min ago", Countdown.closesIn(NOW, NOW.minusSeconds(300)));
    }

    @Test
    public void agoSaysHowLongSinceAnInstant() {
        assertEquals("2 h 5 min ago", Countdown.ago(NOW, NOW.minus(Duration.ofMinutes(125))));
        assertEquals("0 s ago", Countdown.ago(NOW, NOW.plusSeconds(30)));
    }
}
