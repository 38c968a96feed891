package io.jenkins.plugins.promotiongates.core.time;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import org.junit.Test;

public class DisplayTimeTest {

    @Test
    public void aTimeIsShownInUtcToTheSecond() {
        assertEquals("2026-12-06T20:15:03Z", DisplayTime.of(Instant.parse("2026-12-06T20:15:03.123456789Z")));
        assertEquals("2026-12-06T20:15:03Z", DisplayTime.of(Instant.parse("2026-12-06T20:15:03Z")));
        // truncated, never rounded into the next second (or day)
        assertEquals("2026-12-31T23:59:59Z", DisplayTime.of(Instant.parse("2026-12-31T23:59:59.999999999Z")));
        assertEquals("", DisplayTime.of(null));
    }

    @Test
    public void aRecordedTimeIsShownToTheSecondAndOtherTextAsItIs() {
        assertEquals("2026-03-01T12:00:00Z", DisplayTime.ofText("2026-03-01T12:00:00.123Z"));
        assertEquals("2026-03-01T12:00:00Z", DisplayTime.ofText("2026-03-01T12:00:00.123456789Z"));
        assertEquals("not a time", DisplayTime.ofText("not a time"));
        assertEquals("", DisplayTime.ofText(""));
        assertEquals("", DisplayTime.ofText(null));
    }

    @Test
    public void onlyIsoInstantsAreInstants() {
        assertTrue(DisplayTime.isInstant("2026-03-01T12:00:00.123Z"));
        assertFalse(DisplayTime.isInstant("2026-03-01"));
        assertFalse(DisplayTime.isInstant("1.4.0"));
        assertFalse(DisplayTime.isInstant(""));
    }
}
