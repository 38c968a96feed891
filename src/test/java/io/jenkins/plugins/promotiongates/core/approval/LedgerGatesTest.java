package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.StepTightening;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The gates a run's ledger events rebuild, from the events {@link GateEvents} really writes, and how a
 * stored snapshot (build.xml, which a build can write) is found to differ from them.
 */
public class LedgerGatesTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    private ApprovalGate open(String starter) {
        var policy = new PolicyTightener(IDS, GroupDirectory.NONE)
                .effective(RequireApprovalsScenariosTest.staging(), StepTightening.parse(null, "", "", ""));
        return ApprovalGate.open("staging", policy, Gates.ARTIFACT, RunParties.of(IDS, starter, List.of()), clock);
    }

    private static DecisionResult approve(ApprovalGate gate, String user) {
        return gate.approve(
                Approver.of(IDS, user, List.of()),
                "ok " + user,
                Gates.ARTIFACT,
                gate.snapshot().policyDigest());
    }

    private List<AuditEvent> record(EventDraft... drafts) throws Exception {
        return Gates.recorded(temp.getRoot().toPath(), clock, List.of(drafts));
    }

    @Test
    public void theLedgerRebuildsTheGateAStepRecordedAndItsSnapshotsAgreeWithIt() throws Exception {
        ApprovalGate gate = open("sam");
        GateSnapshot opened = gate.snapshot();
        DecisionResult alice = approve(gate, "alice");
        GateSnapshot afterAlice = gate.snapshot();
        clock.advance(Duration.ofMinutes(5));
        DecisionResult bob = approve(gate, "bob");
        GateSnapshot closed = gate.snapshot();
        List<AuditEvent> events = record(
                GateEvents.requested(opened, "Release?"),
                EventDraft.of("signature.verified", EventDraft.SYSTEM),
                GateEvents.decided(afterAlice, alice.decision()),
                GateEvents.decided(closed, bob.decision()),
                GateEvents.closed(closed));

        LedgerGates.Reading reading = LedgerGates.read(events);

        assertEquals(List.of(), reading.ignored());
        assertEquals(1, reading.gates().size());
        RecordedGate recorded = reading.gates().get(0);
        assertEquals(opened.gateId(), recorded.gateId());
        assertEquals("staging", recorded.environment());
        assertEquals(opened.policyDigest(), recorded.policyDigest());
        assertEquals(Gates.ARTIFACT, recorded.artifactDigest());
        assertEquals("sam", recorded.requestedBy());
        assertEquals(1, recorded.openedSeq());
        assertEquals(
                List.of("alice", "bob"),
                recorded.decisions().stream().map(RecordedGate.Decided::userId).toList());
        assertEquals(DecisionKind.APPROVE, recorded.decisions().get(1).kind());
        assertEquals("ok bob", recorded.decisions().get(1).comment());
        assertEquals(4, recorded.decisions().get(1).seq());
        assertEquals("APPROVED", recorded.state());
        assertEquals("bob", recorded.close().closedBy());
        assertEquals(5, recorded.close().seq());
        assertTrue(recorded.letThrough());
        assertEquals(List.of(), recorded.differences(closed));

        RecordedGate waiting = LedgerGates.read(events.subList(0, 3)).gates().get(0);
        assertEquals("WAITING", waiting.state());
        assertNull(waiting.close());
        assertFalse(waiting.letThrough());
        assertEquals(List.of(), waiting.differences(afterAlice));
    }

    @Test
    public void aStoredSnapshotAheadOfTheLedgerIsNamedFieldByField() throws Exception {
        ApprovalGate gate = open("sam");
        GateSnapshot opened = gate.snapshot();
        approve(gate, "alice");
        approve(gate, "bob");
        GateSnapshot forged = gate.snapshot();
        RecordedGate recorded = LedgerGates.read(record(GateEvents.requested(opened, "Release?")))
                .gates()
                .get(0);

        assertEquals(
                List.of(
                        "state: build.xml 'APPROVED', ledger 'WAITING'",
                        "number of decisions: build.xml '2', ledger '0'"),
                recorded.differences(forged));

        GateSnapshot another = open("eve").snapshot();
        List<String> differences = recorded.differences(another);
        assertEquals(1, differences.size());
        assertEquals("starter: build.xml 'eve', ledger 'sam'", differences.get(0));
    }

    @Test
    public void rejectedGatesHoldTheRunAndBrokenGlassLetsItThrough() throws Exception {
        ApprovalGate rejected = open("sam");
        GateSnapshot opened = rejected.snapshot();
        DecisionResult no = rejected.reject(
                Approver.of(IDS, "carol", List.of()), "not today", Gates.ARTIFACT, opened.policyDigest());
        RecordedGate held = LedgerGates.read(record(
                        GateEvents.requested(opened, ""),
                        GateEvents.decided(rejected.snapshot(), no.decision()),
                        GateEvents.closed(rejected.snapshot())))
                .gates()
                .get(0);
        assertEquals("REJECTED", held.state());
        assertEquals(DecisionKind.REJECT, held.decisions().get(0).kind());
        assertFalse(held.letThrough());
    }

    @Test
    public void eventsThatCannotBelongToAnOpenGateAreNamedAndNotUsed() throws Exception {
        ApprovalGate gate = open("sam");
        GateSnapshot opened = gate.snapshot();
        DecisionResult alice = approve(gate, "alice");
        EventDraft decided = GateEvents.decided(gate.snapshot(), alice.decision());
        Map<String, Object> otherArtifact = new HashMap<>(decided.details());
        otherArtifact.put("artifactDigest", Gates.OTHER_ARTIFACT.toString());
        Map<String, Object> otherGate = new HashMap<>(decided.details());
        otherGate.put("gate", "nightly");

        List<AuditEvent> events = record(
                GateEvents.requested(opened, ""),
                decided.withEnvironment("production"),
                decided.withPolicyDigest("sha256:" + "0".repeat(64)),
                decided.withDetails(otherArtifact),
                decided.withDetails(otherGate),
                decided);
        LedgerGates.Reading reading = LedgerGates.read(events);

        assertEquals(
                List.of(
                        "Audit: ledger event 2 (approval.granted) is not used for any approval gate: its environment"
                                + " is not the gate's staging",
                        "Audit: ledger event 3 (approval.granted) is not used for any approval gate: its policy digest"
                                + " is not the gate's " + opened.policyDigest(),
                        "Audit: ledger event 4 (approval.granted) is not used for any approval gate: its artifact"
                                + " digest is not the gate's '" + Gates.ARTIFACT + "'",
                        "Audit: ledger event 5 (approval.granted) is not used for any approval gate: no open gate"
                                + " 'nightly' precedes it"),
                reading.ignored());
        assertEquals(1, reading.gates().get(0).decisions().size());
        assertEquals(6, reading.gates().get(0).decisions().get(0).seq());
    }

    @Test
    public void aGateReopenedUnderTheSameIdCollectsOnlyTheDecisionsAfterItOpened() throws Exception {
        ApprovalGate first = open("sam");
        clock.advance(Duration.ofHours(2));
        first.expireIfDue();
        ApprovalGate second = open("sam");
        DecisionResult alice = approve(second, "alice");
        List<AuditEvent> events = record(
                GateEvents.requested(first.snapshot(), ""),
                GateEvents.closed(first.snapshot()),
                GateEvents.requested(second.snapshot(), ""),
                GateEvents.decided(second.snapshot(), alice.decision()));

        List<RecordedGate> gates = LedgerGates.read(events).gates();

        assertEquals(2, gates.size());
        assertEquals("TIMED_OUT", gates.get(0).state());
        assertEquals(List.of(), gates.get(0).decisions());
        assertEquals(1, gates.get(1).decisions().size());
        assertEquals(EventTypes.APPROVAL_TIMEDOUT, events.get(1).type());
    }

    @Test
    public void theGateAsksEligiblePeopleOnceEachUntilTheyHaveDecided() {
        ApprovalGate gate = open("carol");
        List<Approver> candidates = List.of(
                Approver.of(IDS, "alice", List.of()),
                Approver.of(IDS, "zed", List.of()),
                Approver.of(IDS, "carol", List.of()),
                Approver.of(IDS, "bob", List.of()),
                Approver.of(IDS, "ALICE", List.of()));

        assertEquals(List.of("alice", "bob"), userIds(Deciders.among(gate.snapshot(), candidates)));
        approve(gate, "alice");
        assertEquals(List.of("bob"), userIds(Deciders.among(gate.snapshot(), candidates)));
        assertFalse(Deciders.isAsked(gate.snapshot(), Approver.of(IDS, "alice", List.of())));
        assertTrue(Deciders.isAsked(gate.snapshot(), Approver.of(IDS, "bob", List.of())));
    }

    private static List<String> userIds(List<Approver> approvers) {
        return approvers.stream().map(Approver::userId).toList();
    }
}
