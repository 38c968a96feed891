package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/**
 * The ledger status page shows counts and times from Java: Jelly's JEXL 1.x shows nothing for a
 * {@code long size()} ("covers null entries"), and times are shown to the second.
 */
public class LedgerStatusPageTest {

    @Test
    public void countsBeyondIntAndTimesToTheSecond() {
        Checkpoint checkpoint = new Checkpoint(5_000_000_000L, "ab".repeat(32), "2026-12-06T20:15:03.123Z", "sig");
        LedgerStatus status = new LedgerStatus(
                Path.of("ledger"),
                5_000_000_001L,
                "cd".repeat(32),
                3,
                1024,
                Optional.of(checkpoint),
                "",
                "",
                "",
                List.of(),
                List.of());
        assertEquals("5000000001", status.entryCount());
        assertEquals("5000000000", checkpoint.entryCount());
        assertEquals("2026-12-06T20:15:03Z", checkpoint.displayTime());
        assertEquals("2026-12-06T20:15:03.123Z", checkpoint.toJson().get("time").asText());
    }
}
