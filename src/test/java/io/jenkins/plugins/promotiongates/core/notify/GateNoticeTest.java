package io.jenkins.plugins.promotiongates.core.notify;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Test;

public class GateNoticeTest {

    private static final Instant LATER = NotifyFixture.OPENED.plus(Duration.ofHours(3));

    private static GateNotice notice(GateEvent event, ApprovalGate gate, Decision decision) {
        return GateNotice.of(
                event, gate.snapshot(), NotifyFixture.subject(), NotifyFixture.RUN, "", "", decision, List.of(), LATER);
    }

    @Test
    public void eachNoticeCarriesTheTimeOfItsEventAndWhoActed() {
        ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock());
        assertEquals(NotifyFixture.OPENED, notice(GateEvent.OPENED, gate, null).time());
        assertEquals(LATER, notice(GateEvent.REMINDER, gate, null).time());

        ApprovalGate decided = ApprovalGate.restore(
                gate.snapshot(), Clock.fixed(NotifyFixture.OPENED.plusSeconds(60), ZoneOffset.UTC));
        Decision rejection = decided.reject(
                        NotifyFixture.BOB,
                        "no",
                        decided.snapshot().artifactDigest(),
                        decided.snapshot().policyDigest())
                .decision();
        GateNotice decidedNotice = notice(GateEvent.DECIDED, decided, rejection);
        assertEquals(NotifyFixture.OPENED.plusSeconds(60), decidedNotice.time());
        assertEquals("bob", decidedNotice.actor());
        GateNotice closed = notice(GateEvent.CLOSED, decided, null);
        assertEquals(NotifyFixture.OPENED.plusSeconds(60), closed.time());
        assertEquals(GateState.REJECTED, closed.state());
        assertEquals("shop 1.4.0", closed.release());
        assertEquals("rejected by bob", closed.closeReason());
    }
}
