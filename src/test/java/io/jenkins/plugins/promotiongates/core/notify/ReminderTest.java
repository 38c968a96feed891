package io.jenkins.plugins.promotiongates.core.notify;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class ReminderTest {

    private final ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock()); // deadline: opened + 1 day

    @Test
    public void remindsTheLeadTimeBeforeTheDeadline() {
        assertEquals(
                Optional.of(Instant.parse("2026-12-07T05:00:00Z")), Reminder.at(gate.snapshot(), Duration.ofHours(4)));
    }

    @Test
    public void noReminderWithoutLeadTimeOrWhenItWouldComeBeforeTheGateOpened() {
        assertEquals(Optional.empty(), Reminder.at(gate.snapshot(), null));
        assertEquals(Optional.empty(), Reminder.at(gate.snapshot(), Duration.ZERO));
        assertEquals(Optional.empty(), Reminder.at(gate.snapshot(), Duration.ofDays(1)));
    }

    @Test
    public void noReminderForAClosedGate() {
        gate.cancel("sam", "stopped");
        assertEquals(Optional.empty(), Reminder.at(gate.snapshot(), Duration.ofHours(4)));
    }
}
