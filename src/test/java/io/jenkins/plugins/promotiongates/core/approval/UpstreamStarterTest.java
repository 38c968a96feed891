package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * Engine twin of {@code UpstreamStarterJenkinsTest}: everyone who started the run or a run upstream of it
 * ({@code build job:}) is a starter, and none of them may decide on its gates.
 */
public class UpstreamStarterTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    /** A run that no user started directly, triggered by Uma's run, itself triggered by Ned's. */
    private ApprovalGate triggeredGate() {
        return ApprovalGate.open(
                "approve-prod",
                Gates.effective(production()),
                ARTIFACT,
                RunParties.withStarters(IDS, List.of("Uma", "ned", "uma"), List.of()),
                clock);
    }

    @Test
    public void theUpstreamStarterIsRefusedWithAClearMessage() {
        ApprovalGate gate = triggeredGate();
        DecisionRefusedException e = assertThrows(
                DecisionRefusedException.class,
                () -> gate.approve(lead("UMA"), "", ARTIFACT, gate.snapshot().policyDigest()));
        assertEquals(Refusal.STARTER_EXCLUDED, e.refusal());
        assertThat(
                e.getMessage(),
                containsString("User 'uma' started this run or a run upstream of it that triggered it (build job:),"
                        + " and environments[production].starterMayNotApprove forbids the run's starters"));
        assertThat(e.getMessage(), containsString("ask another eligible approver"));
        assertEquals(List.of(), gate.snapshot().decisions());
    }

    @Test
    public void everyStarterUpTheChainIsExcludedAndOthersStillDecide() {
        ApprovalGate gate = triggeredGate();
        assertFalse(gate.canDecide(lead("ned")));
        assertThrows(
                DecisionRefusedException.class,
                () -> gate.reject(lead("ned"), "no", ARTIFACT, gate.snapshot().policyDigest()));
        assertTrue(gate.canDecide(lead("ann")));
        assertTrue(gate.approve(lead("ann"), "", ARTIFACT, gate.snapshot().policyDigest())
                .recorded());
    }

    @Test
    public void startersAreNormalizedDeduplicatedAndKeepTheirOrder() {
        RunParties parties = RunParties.withStarters(IDS, List.of("Uma", " ", "NED", "uma"), List.of("Carl"));
        assertEquals(List.of("uma", "ned"), List.copyOf(parties.starters()));
        assertEquals("uma", parties.starter());
        assertEquals(Set.of("carl"), parties.changeAuthors());
        assertEquals("", RunParties.withStarters(IDS, List.of(), List.of()).starter());
    }

    @Test
    public void theRequestedEventNamesTheFirstStarterAsActorAndListsThemAll() {
        GateSnapshot snapshot = triggeredGate().snapshot();
        EventDraft requested = GateEvents.requested(snapshot, "");
        assertEquals("uma", requested.actor());
        assertEquals(List.of("uma", "ned"), requested.details().get("starters"));
        GateSnapshot timerRun = ApprovalGate.open(
                        "approve-prod",
                        Gates.effective(production()),
                        ARTIFACT,
                        RunParties.withStarters(IDS, List.of(), List.of()),
                        clock)
                .snapshot();
        assertEquals(EventDraft.SYSTEM, GateEvents.requested(timerRun, "").actor());
    }

    @Test
    public void startersSurviveTheStoredJsonAndOldSnapshotsWithOneStarterStillLoad() {
        GateSnapshot snapshot = triggeredGate().snapshot();
        String json = GateSnapshotJson.write(snapshot);
        assertEquals(snapshot, GateSnapshotJson.read(json));

        String old = json.replace(",\"starters\":[\"uma\",\"ned\"]", "");
        assertFalse(old.contains("\"starters\""));
        GateSnapshot loaded = GateSnapshotJson.read(old);
        assertEquals(List.of("uma"), List.copyOf(loaded.parties().starters()));
        ApprovalGate restored = ApprovalGate.restore(loaded, clock);
        assertThrows(
                DecisionRefusedException.class,
                () -> restored.approve(lead("uma"), "", ARTIFACT, loaded.policyDigest()));
    }
}
