package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.BreakGlass;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.StepTightening;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * Engine twins of {@code RequireApprovalsStepJenkinsTest} and {@code RequireApprovalsRestartJenkinsTest}:
 * the same environment (2 of alice, bob, carol; break-glass for root), the same people, the same
 * decisions, with the gate driven as the step drives it.
 */
public class RequireApprovalsScenariosTest {

    private static final ArtifactDigest DIGEST = Gates.ARTIFACT;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    static Environment staging() {
        return Environment.builder("staging")
                .rule(new ApprovalRule("release", Set.of("alice", "bob", "carol"), Set.of(), 2, false))
                .gateTimeout(Duration.ofHours(1))
                .breakGlass(new BreakGlass(true, Set.of("root")))
                .build();
    }

    private ApprovalGate open(String starter, String timeout) {
        var policy = new PolicyTightener(IDS, GroupDirectory.NONE)
                .effective(staging(), StepTightening.parse(null, "", timeout, ""));
        return ApprovalGate.open(
                GateId.of("", "staging"), policy, DIGEST, RunParties.of(IDS, starter, List.of("dave")), clock);
    }

    private static DecisionResult approve(ApprovalGate gate, String user) {
        return gate.approve(
                Approver.of(IDS, user, List.of()), "", DIGEST, gate.snapshot().policyDigest());
    }

    @Test
    public void twoOfThreeCompletesAndReturnsTheDecisions() {
        ApprovalGate gate = open("sam", "");
        assertEquals(GateState.WAITING, approve(gate, "alice").state());
        assertEquals("1 of 2", gate.progress().summary());
        assertEquals(GateState.APPROVED, approve(gate, "bob").state());
        Map<String, Object> result = GateOutcome.asMap(gate.snapshot());
        assertEquals(true, result.get("approved"));
        assertEquals("staging", result.get("id"));
        assertEquals(DIGEST.toString(), result.get("artifactDigest"));
        assertEquals(2, ((List<?>) result.get("decisions")).size());
    }

    @Test
    public void theStarterIsRefusedNamingTheSetting() {
        ApprovalGate gate = open("alice", "");
        DecisionRefusedException e = assertThrows(DecisionRefusedException.class, () -> approve(gate, "alice"));
        assertEquals(Refusal.STARTER_EXCLUDED, e.refusal());
        assertEquals(Refusal.Category.FORBIDDEN, e.refusal().category());
        assertThat(e.getMessage(), containsString("environments[staging].starterMayNotApprove"));
        assertTrue(gate.snapshot().decisions().isEmpty());
    }

    @Test
    public void aChangeAuthorIsRefused() {
        ApprovalGate gate = open("sam", "");
        DecisionRefusedException e = assertThrows(DecisionRefusedException.class, () -> approve(gate, "dave"));
        assertEquals(Refusal.CHANGE_AUTHOR_EXCLUDED, e.refusal());
    }

    @Test
    public void aUserInNoRuleIsRefusedAndCannotSeeTheGateAsTheirs() {
        ApprovalGate gate = open("sam", "");
        Approver mallory = Approver.of(IDS, "mallory", List.of("developers"));
        assertFalse(gate.canDecide(mallory));
        assertTrue(gate.canDecide(Approver.of(IDS, "carol", List.of())));
        DecisionRefusedException e = assertThrows(DecisionRefusedException.class, () -> approve(gate, "mallory"));
        assertEquals(Refusal.NOT_ELIGIBLE, e.refusal());
        assertThat(e.getMessage(), containsString("'release' needs users [alice, bob, carol]"));
    }

    @Test
    public void theSameUserTwiceCountsOnce() {
        ApprovalGate gate = open("sam", "");
        assertTrue(approve(gate, "alice").recorded());
        DecisionResult again = approve(gate, "ALICE");
        assertFalse(again.recorded());
        assertEquals(GateState.WAITING, again.state());
        assertEquals("1 of 2", gate.progress().summary());
    }

    @Test
    public void aRejectionClosesTheGateNamingTheRejecterAndComment() {
        ApprovalGate gate = open("sam", "");
        approve(gate, "alice");
        gate.reject(
                Approver.of(IDS, "bob", List.of()),
                "not ready",
                DIGEST,
                gate.snapshot().policyDigest());
        assertEquals(GateState.REJECTED, gate.state());
        assertFalse(gate.state().letsThrough());
        assertEquals(
                "Approval gate 'staging' for staging rejected by bob: not ready",
                GateOutcome.closeMessage(gate.snapshot()));
    }

    @Test
    public void theStepTimeoutClosesTheGateAtItsDeadline() {
        ApprovalGate gate = open("sam", "2s");
        assertEquals(clock.instant().plusSeconds(2), gate.snapshot().deadline());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(gate.expireIfDue());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(gate.expireIfDue());
        assertEquals(GateState.TIMED_OUT, gate.state());
        assertThat(GateOutcome.closeMessage(gate.snapshot()), containsString("timed out: no decision before"));
    }

    @Test
    public void aRestartBetweenTheFirstAndSecondApprovalStillCompletes() {
        ApprovalGate before = open("sam", "");
        approve(before, "alice");
        String stored = GateSnapshotJson.write(before.snapshot());
        ApprovalGate after = ApprovalGate.restore(GateSnapshotJson.read(stored), clock);
        assertEquals("1 of 2", after.progress().summary());
        assertEquals(GateState.APPROVED, approve(after, "bob").state());
        assertEquals(
                List.of("alice", "bob"),
                after.snapshot().decisions().stream().map(Decision::userId).toList());
    }

    @Test
    public void breakGlassIsOnlyForTheNamedUserWithAJustification() {
        ApprovalGate gate = open("sam", "");
        String policy = gate.snapshot().policyDigest();
        Approver alice = Approver.of(IDS, "alice", List.of());
        assertEquals(
                Refusal.BREAK_GLASS_NOT_NAMED,
                assertThrows(DecisionRefusedException.class, () -> gate.breakGlass(alice, "urgent", DIGEST, policy))
                        .refusal());
        Approver root = Approver.of(IDS, "root", List.of("admins"));
        assertEquals(
                Refusal.COMMENT_REQUIRED,
                assertThrows(DecisionRefusedException.class, () -> gate.breakGlass(root, " ", DIGEST, policy))
                        .refusal());
        assertEquals(
                GateState.BROKEN_GLASS,
                gate.breakGlass(root, "outage", DIGEST, policy).state());
        assertThat(GateOutcome.closeMessage(gate.snapshot()), containsString("BREAK-GLASS: glass broken by root"));
        assertEquals(true, GateOutcome.asMap(gate.snapshot()).get("approved"));
    }

    @Test
    public void aStaleDecisionFromAnOldPageIsAConflict() {
        ApprovalGate gate = open("sam", "");
        Approver alice = Approver.of(IDS, "alice", List.of());
        DecisionRefusedException e = assertThrows(
                DecisionRefusedException.class,
                () -> gate.approve(
                        alice, "", Gates.OTHER_ARTIFACT, gate.snapshot().policyDigest()));
        assertEquals(Refusal.Category.CONFLICT, e.refusal().category());
    }

    @Test
    public void aLoosenedTighteningFailsTheStepWithTheEnginesMessage() {
        InvalidPolicyException e = assertThrows(
                InvalidPolicyException.class,
                () -> new PolicyTightener(IDS, GroupDirectory.NONE)
                        .effective(staging(), StepTightening.parse(1, "alice, mallory", "2h", "")));
        assertThat(e.getMessage(), containsString("count: 1 is lower than environments[staging].approvalRules[0]"));
        assertThat(e.getMessage(), containsString("'mallory' is not eligible"));
        assertThat(e.getMessage(), containsString("timeout: 2h is longer than environments[staging].gateTimeout = 1h"));
    }
}
