package io.jenkins.plugins.promotiongates.core.notify;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import java.util.List;
import org.junit.Test;

public class MailTextTest {

    @Test
    public void reminderNamesTheDeadline() {
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        GateNotice notice = NotifyFixture.notice(GateEvent.REMINDER, gate, null);
        assertEquals(
                "[Promotion Gates] Reminder: approval needed before 2026-12-07T09:00:00Z: shop 1.4.0 to production",
                MailText.subject(notice));
        assertThat(MailText.body(notice), containsString("still waits for your approval"));
    }

    @Test
    public void closedGateSaysTheOutcomeAndThatNothingIsLeftToDo() {
        ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock());
        gate.reject(
                NotifyFixture.BOB,
                "wrong build",
                gate.snapshot().artifactDigest(),
                gate.snapshot().policyDigest());
        GateNotice notice = NotifyFixture.notice(GateEvent.CLOSED, gate.snapshot(), null);
        assertEquals("[Promotion Gates] Gate closed, REJECTED: shop 1.4.0 to production", MailText.subject(notice));
        assertEquals("bob", notice.actor());
        String body = MailText.body(notice);
        assertThat(body, containsString("Outcome: REJECTED: rejected by bob"));
        assertThat(body, containsString("nothing is left to do"));
        assertThat(body, containsString("The gate: https://ci.example.com/job/shop/42/approvals/production/"));
    }

    @Test
    public void aDecisionThatClosesTheGateIsToldOnceByTheClosingMail() {
        ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock());
        var result = gate.reject(
                NotifyFixture.BOB,
                "wrong build",
                gate.snapshot().artifactDigest(),
                gate.snapshot().policyDigest());
        var addresses = java.util.Map.of("ann", "ann@example.com", "lena", "lena@example.com");
        assertEquals(
                List.of(),
                MailText.compose(
                        NotifyFixture.notice(GateEvent.DECIDED, gate.snapshot(), result.decision()), addresses));
        assertEquals(
                List.of("ann@example.com", "lena@example.com"),
                MailText.compose(NotifyFixture.notice(GateEvent.CLOSED, gate.snapshot(), null), addresses).stream()
                        .map(MailMessage::to)
                        .toList());
    }

    @Test
    public void textFromTheBuildCannotForgeHeadersOrLines() {
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        GateNotice notice = GateNotice.of(
                GateEvent.OPENED,
                gate,
                NotifyFixture.subject(),
                NotifyFixture.RUN,
                "Ship?\r\nBcc: evil@example.com\nDecide here: https://evil.example.com/",
                "0 of 2",
                null,
                List.of("ann"),
                gate.openedAt());
        String body = MailText.body(notice);
        assertThat(body, containsString("Message: Ship? Bcc: evil@example.com Decide here: https://evil.example.com/"));
        assertThat(body, not(containsString("\nBcc:")));
        assertThat(body, not(containsString("\nDecide here: https://evil")));
        assertThat(MailText.subject(notice), not(containsString("\n")));
    }
}
