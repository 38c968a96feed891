package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.StepTightening;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A gate's life becomes audit events that a real ledger accepts, in order, with the policy and
 * artifact digests the gate is bound to. Engine twin of the audit side of
 * {@code RequireApprovalsStepJenkinsTest}.
 */
public class GateEventsTest {

    private static final ArtifactDigest DIGEST = Gates.ARTIFACT;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    private ApprovalGate open() {
        var policy = new PolicyTightener(IDS, GroupDirectory.NONE)
                .effective(RequireApprovalsScenariosTest.staging(), StepTightening.parse(null, "", "", ""));
        return ApprovalGate.open("staging", policy, DIGEST, RunParties.of(IDS, "sam", List.of()), clock);
    }

    @Test
    public void everyStepOfAnApprovedGateIsRecordedInOrder() throws Exception {
        ApprovalGate gate = open();
        GateSnapshot opened = gate.snapshot();
        DecisionResult alice =
                gate.approve(Approver.of(IDS, "alice", List.of()), "looks good", DIGEST, opened.policyDigest());
        GateSnapshot afterAlice = gate.snapshot();
        DecisionResult bob = gate.approve(Approver.of(IDS, "bob", List.of()), "", DIGEST, opened.policyDigest());
        GateSnapshot closed = gate.snapshot();

        List<EventDraft> drafts = List.of(
                GateEvents.requested(opened, "Release?"),
                GateEvents.decided(afterAlice, alice.decision()),
                GateEvents.decided(closed, bob.decision()),
                GateEvents.closed(closed));
        List<AuditEvent> events = record(drafts);

        assertEquals(
                List.of("approval.requested", "approval.granted", "approval.granted", "gate.passed"),
                events.stream().map(AuditEvent::type).collect(Collectors.toList()));
        assertEquals(
                List.of("sam", "alice", "bob", "bob"),
                events.stream().map(AuditEvent::actor).collect(Collectors.toList()));
        for (AuditEvent event : events) {
            assertEquals("staging", event.get("environment").asText());
            assertEquals(opened.policyDigest(), event.get("policyDigest").asText());
            assertEquals(
                    DIGEST.toString(),
                    event.get("details").path("artifactDigest").asText());
        }
        assertEquals("looks good", events.get(1).get("details").path("comment").asText());
        assertEquals("Release?", events.get(0).get("details").path("message").asText());
        assertEquals(
                2,
                events.get(0).get("details").path("rules").get(0).path("count").asInt());
        assertEquals("APPROVED", events.get(3).get("details").path("state").asText());
    }

    @Test
    public void rejectionTimeoutAndBreakGlassHaveTheirOwnTypes() {
        ApprovalGate rejected = open();
        DecisionResult no = rejected.reject(
                Approver.of(IDS, "carol", List.of()),
                "not today",
                DIGEST,
                rejected.snapshot().policyDigest());
        assertEquals(
                "approval.rejected",
                GateEvents.decided(rejected.snapshot(), no.decision()).type());
        assertEquals("gate.failed", GateEvents.closed(rejected.snapshot()).type());
        assertEquals("carol", GateEvents.closed(rejected.snapshot()).actor());

        ApprovalGate forced = open();
        DecisionResult glass = forced.breakGlass(
                Approver.of(IDS, "root", List.of()),
                "prod is down",
                DIGEST,
                forced.snapshot().policyDigest());
        assertEquals(
                "approval.breakglass",
                GateEvents.decided(forced.snapshot(), glass.decision()).type());
        EventDraft passed = GateEvents.closed(forced.snapshot());
        assertEquals("gate.passed", passed.type());
        assertEquals(true, passed.details().get("breakGlass"));

        ApprovalGate late = open();
        clock.advance(java.time.Duration.ofHours(2));
        assertTrue(late.expireIfDue());
        EventDraft timedOut = GateEvents.closed(late.snapshot());
        assertEquals("approval.timedout", timedOut.type());
        assertEquals(EventDraft.SYSTEM, timedOut.actor());
    }

    @Test
    public void approvalsThatAgedOutWhileTheGateWaitedAreRecordedAsExpiredOnClose() {
        Environment longWait = RequireApprovalsScenariosTest.staging().toBuilder()
                .gateTimeout(java.time.Duration.ofDays(7))
                .approvalValidity(java.time.Duration.ofHours(24))
                .build();
        var policy0 = new PolicyTightener(IDS, GroupDirectory.NONE)
                .effective(longWait, StepTightening.parse(null, "", "", ""));
        ApprovalGate gate = ApprovalGate.open("staging", policy0, DIGEST, RunParties.of(IDS, "sam", List.of()), clock);
        String policy = gate.snapshot().policyDigest();
        gate.approve(Approver.of(IDS, "alice", List.of()), "", DIGEST, policy);
        clock.advance(java.time.Duration.ofHours(30));
        gate.approve(Approver.of(IDS, "bob", List.of()), "", DIGEST, policy);
        assertEquals(List.of(), GateEvents.expired(gate.snapshot()));
        gate.approve(Approver.of(IDS, "carol", List.of()), "", DIGEST, policy);
        GateSnapshot closed = gate.snapshot();
        assertEquals(GateState.APPROVED, closed.state());
        List<EventDraft> expired = GateEvents.expired(closed);
        assertEquals(1, expired.size());
        assertEquals("approval.expired", expired.get(0).type());
        assertEquals("alice", expired.get(0).actor());
        assertEquals("2025-06-03T09:00:00Z", expired.get(0).details().get("expiredAt"));
    }

    /** A gate bound to a release records what the digest stands for; one bound to nothing records no release. */
    @Test
    public void aGateBoundToAReleaseRecordsItsApplicationVersionAndFiles() throws Exception {
        Release release = new Release(
                "shop",
                "1.4.0",
                List.of(new ReleaseFile("app.tar.gz", DIGEST, 7), new ReleaseFile("sbom.json", DIGEST, 2)));
        var policy = new PolicyTightener(IDS, GroupDirectory.NONE)
                .effective(RequireApprovalsScenariosTest.staging(), StepTightening.parse(null, "", "", ""));
        GateSnapshot gate = ApprovalGate.open(
                        "staging", policy, release.digest(), RunParties.of(IDS, "sam", List.of()), clock)
                .snapshot();

        List<AuditEvent> events = record(List.of(
                GateEvents.requested(gate, "Release?", ApprovalSubject.of(release)),
                GateEvents.requested(open().snapshot(), "Nothing bound?", null)));

        var recorded = events.get(0).get("details").path("release");
        assertEquals("RELEASE", recorded.path("kind").asText());
        assertEquals("shop", recorded.path("application").asText());
        assertEquals("1.4.0", recorded.path("version").asText());
        assertEquals(release.digest().toString(), recorded.path("digest").asText());
        assertEquals("app.tar.gz", recorded.path("files").path(0).path("name").asText());
        assertEquals(2, recorded.path("files").size());
        assertEquals(
                release.digest().toString(),
                events.get(0).get("details").path("artifactDigest").asText());
        assertTrue(events.get(1).get("details").path("release").isMissingNode());
    }

    private List<AuditEvent> record(List<EventDraft> drafts) throws Exception {
        return Gates.recorded(temp.getRoot().toPath(), clock, drafts);
    }
}
