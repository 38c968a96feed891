package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.security;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class GateOutcomeTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    @Test
    public void theStepReturnsEveryDecisionInOrder() {
        ApprovalGate gate = ApprovalGate.open(
                "release", Gates.effective(Gates.production()), ARTIFACT, RunParties.of(IDS, "sam", List.of()), clock);
        String policy = gate.snapshot().policyDigest();
        gate.approve(lead("ann"), "", ARTIFACT, policy);
        gate.approve(lead("bob"), "fine", ARTIFACT, policy);
        gate.approve(security("sue"), "SBOM checked", ARTIFACT, policy);
        Map<String, Object> map = GateOutcome.asMap(gate.snapshot());
        assertEquals(
                List.of(
                        "id",
                        "environment",
                        "state",
                        "approved",
                        "artifactDigest",
                        "policyDigest",
                        "openedAt",
                        "closedAt",
                        "closedBy",
                        "closeReason",
                        "decisions"),
                List.copyOf(map.keySet()));
        assertEquals("APPROVED", map.get("state"));
        assertEquals("sue", map.get("closedBy"));
        assertEquals("2025-06-02T09:00:00Z", map.get("closedAt"));
        assertEquals(policy, map.get("policyDigest"));
        assertEquals(
                Map.of("user", "sue", "decision", "approve", "time", "2025-06-02T09:00:00Z", "comment", "SBOM checked"),
                ((List<?>) map.get("decisions")).get(2));
        assertEquals(
                "Approval gate 'release' for production approved: every approval rule is met",
                GateOutcome.closeMessage(gate.snapshot()));
    }

    @Test
    public void consoleLinesNameTheGateTheProgressAndTheDigests() {
        ApprovalGate gate = ApprovalGate.open(
                "release", Gates.effective(Gates.production()), null, RunParties.of(IDS, "", List.of()), clock);
        assertEquals(
                "[Promotion Gates] Ship it: gate 'release' for production waits for approvals (0 of 3, times out at"
                        + " 2025-06-04T09:00:00Z, artifact not bound, policy "
                        + gate.snapshot().policyDigest() + ")",
                GateOutcome.waitingLine(
                        gate.snapshot(), " Ship it ", gate.progress().summary()));
        Approver root = Approver.of(IDS, "root", List.of());
        DecisionResult glass =
                gate.breakGlass(root, "outage", null, gate.snapshot().policyDigest());
        assertEquals(
                "[Promotion Gates] gate 'release': BREAK-GLASS by root: outage",
                GateOutcome.decisionLine(gate.snapshot(), glass.decision()));
        assertEquals("break-glass", GateOutcome.label(DecisionKind.BREAK_GLASS));
    }

    @Test
    public void timesPeopleReadAreShownToTheSecond() {
        ManualClock fine = new ManualClock(Instant.parse("2025-06-02T09:00:00.123456789Z"));
        ApprovalGate gate = ApprovalGate.open(
                "release", Gates.effective(Gates.production()), null, RunParties.of(IDS, "", List.of()), fine);
        assertEquals(
                Instant.parse("2025-06-04T09:00:00.123456789Z"), gate.snapshot().deadline());
        assertThat(
                GateOutcome.waitingLine(gate.snapshot(), "", gate.progress().summary()),
                containsString("times out at 2025-06-04T09:00:00Z, "));
        fine.advance(Duration.ofDays(3));
        assertTrue(gate.expireIfDue());
        assertEquals(
                "no decision before the gate timeout 2025-06-04T09:00:00Z",
                gate.snapshot().closeReason());
        // the step's return value is for scripts: it keeps the full precision
        assertEquals(
                "2025-06-02T09:00:00.123456789Z",
                GateOutcome.asMap(gate.snapshot()).get("openedAt"));
    }
}
