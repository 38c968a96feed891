package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.person;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** {@link ApprovalGate#decide}: one call for every kind of decision, each judged as its own method judges it. */
public class ApprovalGateDecideTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    private ApprovalGate open() {
        return ApprovalGate.open(
                "approve-prod",
                Gates.effective(production()),
                ARTIFACT,
                RunParties.of(IDS, "Sam", List.of("Carl")),
                clock);
    }

    private static DecisionRequest request(ApprovalGate gate, Approver who, DecisionKind kind, String comment) {
        return new DecisionRequest(who, kind, comment, ARTIFACT, gate.snapshot().policyDigest());
    }

    @Test
    public void anApprovalCountsAndLeavesTheGateWaiting() {
        ApprovalGate gate = open();
        DecisionResult result = gate.decide(request(gate, lead("ann"), DecisionKind.APPROVE, "looks good"));
        assertTrue(result.recorded());
        assertEquals(DecisionKind.APPROVE, result.decision().kind());
        assertEquals("looks good", result.decision().comment());
        assertEquals(GateState.WAITING, gate.state());
        assertEquals("1 of 3", gate.progress().summary());
    }

    @Test
    public void aRejectionClosesTheGateAsRejected() {
        ApprovalGate gate = open();
        DecisionResult result = gate.decide(request(gate, lead("ann"), DecisionKind.REJECT, "not today"));
        assertEquals(DecisionKind.REJECT, result.decision().kind());
        assertEquals(GateState.REJECTED, gate.state());
        assertEquals("ann", gate.snapshot().closedBy());
    }

    @Test
    public void aBreakGlassClosesTheGateAsBrokenGlass() {
        ApprovalGate gate = open();
        DecisionResult result = gate.decide(request(gate, person("root"), DecisionKind.BREAK_GLASS, "INC-1: outage"));
        assertEquals(DecisionKind.BREAK_GLASS, result.decision().kind());
        assertEquals(List.of(), result.decision().rules());
        assertEquals(GateState.BROKEN_GLASS, gate.state());
    }

    @Test
    public void eachKindIsRefusedAsItsOwnMethodRefusesIt() {
        ApprovalGate gate = open();
        DecisionRefusedException rejection = assertThrows(
                DecisionRefusedException.class,
                () -> gate.decide(request(gate, lead("ann"), DecisionKind.REJECT, " ")));
        assertEquals(Refusal.COMMENT_REQUIRED, rejection.refusal());
        DecisionRefusedException glass = assertThrows(
                DecisionRefusedException.class,
                () -> gate.decide(request(gate, lead("ann"), DecisionKind.BREAK_GLASS, "outage")));
        assertEquals(Refusal.BREAK_GLASS_NOT_NAMED, glass.refusal());
        DecisionRefusedException starter = assertThrows(
                DecisionRefusedException.class,
                () -> gate.decide(request(gate, Approver.of(IDS, "sam", List.of("leads")), DecisionKind.APPROVE, "")));
        assertFalse(starter.getMessage().isEmpty());
        assertTrue("nothing was recorded", gate.snapshot().decisions().isEmpty());
        assertEquals(GateState.WAITING, gate.state());
    }
}
