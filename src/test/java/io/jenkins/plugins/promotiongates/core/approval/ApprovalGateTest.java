package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.person;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.security;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class ApprovalGateTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));
    private final RunParties parties = RunParties.of(IDS, "Sam", List.of("Carl"));

    private ApprovalGate open(Environment environment) {
        return ApprovalGate.open("approve-prod", Gates.effective(environment), ARTIFACT, parties, clock);
    }

    private static DecisionResult approve(ApprovalGate gate, Approver who, String comment) {
        return gate.approve(who, comment, ARTIFACT, gate.snapshot().policyDigest());
    }

    private static DecisionRefusedException refusedApproval(ApprovalGate gate, Approver who, Refusal refusal) {
        DecisionRefusedException e = assertThrows(DecisionRefusedException.class, () -> approve(gate, who, "ok"));
        assertEquals(e.getMessage(), refusal, e.refusal());
        return e;
    }

    @Test
    public void approvesWhenEveryRuleHasItsDistinctPeople() {
        ApprovalGate gate = open(production());
        assertEquals("0 of 3", gate.progress().summary());
        DecisionResult first = approve(gate, lead("ann"), "");
        assertTrue(first.recorded());
        assertEquals(GateState.WAITING, first.state());
        assertEquals("1 of 3", gate.progress().summary());
        assertEquals("1 of 2", gate.progress().rules().get(0).summary());
        assertEquals("0 of 1", gate.progress().rules().get(1).summary());
        approve(gate, lead("bob"), "");
        assertEquals(GateState.WAITING, gate.state());
        clock.advance(Duration.ofMinutes(5));
        DecisionResult last = approve(gate, security("sue"), "checked the SBOM");
        assertEquals(GateState.APPROVED, last.state());
        GateSnapshot closed = gate.snapshot();
        assertEquals(Instant.parse("2025-06-02T09:05:00Z"), closed.closedAt());
        assertEquals("sue", closed.closedBy());
        assertEquals(
                List.of("ann", "bob", "sue"),
                closed.decisions().stream().map(Decision::userId).toList());
        Decision sue = closed.decisions().get(2);
        assertEquals(DecisionKind.APPROVE, sue.kind());
        assertEquals("checked the SBOM", sue.comment());
        assertEquals(ARTIFACT, sue.artifactDigest());
        assertEquals(closed.policy().digest(), sue.policyDigest());
        assertEquals(List.of(1), sue.rules());
        assertEquals("3 of 3", gate.progress().summary());
        assertEquals(List.of("ann", "bob"), gate.progress().rules().get(0).approvers());
    }

    @Test
    public void matchingAssignsAPersonEligibleForBothRulesWhereNeeded() {
        // erin is both lead and security; approving first she would fill a lead slot greedily,
        // leaving no one for security. The matcher moves her to security once two other leads come.
        ApprovalGate gate = open(production());
        approve(gate, person("erin", "leads", "security"), "both hats");
        approve(gate, lead("ann"), "");
        assertEquals(GateState.WAITING, gate.state());
        assertEquals(GateState.APPROVED, approve(gate, lead("bob"), "").state());
        assertEquals(List.of("ann", "bob"), gate.progress().rules().get(0).approvers());
        assertEquals(List.of("erin"), gate.progress().rules().get(1).approvers());
    }

    @Test
    public void onePersonCountsForEveryEligibleRuleWhenThePolicyAllows() {
        Environment shared = production().toBuilder().onePersonOneRule(false).build();
        ApprovalGate gate = open(shared);
        approve(gate, person("erin", "leads", "security"), "both hats");
        assertEquals("2 of 3", gate.progress().summary());
        assertEquals(GateState.APPROVED, approve(gate, lead("ann"), "").state());
    }

    @Test
    public void theStarterIsExcludedNamingTheSetting() {
        ApprovalGate gate = open(production());
        DecisionRefusedException e = refusedApproval(gate, lead("SAM"), Refusal.STARTER_EXCLUDED);
        assertThat(
                e.getMessage(),
                containsString(
                        "User 'sam' started this run or a run upstream of it that triggered it (build job:), and environments[production].starterMayNotApprove"));
        assertEquals(Refusal.Category.FORBIDDEN, e.refusal().category());
        assertEquals(List.of(), gate.snapshot().decisions());
        assertFalse(gate.canDecide(lead("sam")));
        assertThrows(
                DecisionRefusedException.class,
                () -> gate.reject(lead("sam"), "no", ARTIFACT, gate.snapshot().policyDigest()));
    }

    @Test
    public void changeAuthorsAreExcludedNamingTheSetting() {
        ApprovalGate gate = open(production());
        DecisionRefusedException e = refusedApproval(gate, lead("carl"), Refusal.CHANGE_AUTHOR_EXCLUDED);
        assertThat(e.getMessage(), containsString("environments[production].changeAuthorsMayNotApprove"));
    }

    @Test
    public void separationOfDutiesCanBeSwitchedOff() {
        ApprovalGate gate = open(production().toBuilder()
                .starterMayNotApprove(false)
                .changeAuthorsMayNotApprove(false)
                .build());
        assertTrue(approve(gate, lead("sam"), "").recorded());
        assertTrue(approve(gate, lead("carl"), "").recorded());
        assertEquals("2 of 3", gate.progress().summary());
    }

    @Test
    public void anIneligibleUserIsRefusedNamingTheRules() {
        ApprovalGate gate = open(production());
        DecisionRefusedException e = refusedApproval(gate, person("mallory", "developers"), Refusal.NOT_ELIGIBLE);
        assertThat(
                e.getMessage(),
                containsString("User 'mallory' is not eligible under environments[production].approvalRules:"
                        + " 'leads' needs users [] or groups [leads]; 'security' needs users [] or groups [security]"));
        assertTrue(gate.canDecide(lead("ann")));
        assertFalse(gate.canDecide(person("mallory")));
    }

    @Test
    public void theStepsApproversNarrowWhoMayDecide() {
        Environment env = production().toBuilder()
                .approvalRules(List.of(new ApprovalRule("leads", Set.of("ann", "bob", "cid"), Set.of(), 2, false)))
                .build();
        EffectivePolicy narrowed = Gates.effective(env, Tightening.NONE.withApprovers(List.of("ann", "bob")));
        ApprovalGate gate = ApprovalGate.open("g", narrowed, ARTIFACT, parties, clock);
        DecisionRefusedException e = refusedApproval(gate, person("cid"), Refusal.NOT_ELIGIBLE);
        assertThat(
                e.getMessage(),
                containsString("is eligible under environments[production].approvalRules,"
                        + " but this step's approvers argument names only [ann, bob]"));
        approve(gate, person("ann"), "");
        assertEquals(GateState.APPROVED, approve(gate, person("BOB"), "").state());
    }

    @Test
    public void sameSpellingsCountOnce() {
        ApprovalGate gate = open(production());
        assertTrue(approve(gate, lead("Ann"), "").recorded());
        DecisionResult again = approve(gate, lead("ANN"), "once more");
        assertFalse(again.recorded());
        assertEquals("", again.decision().comment());
        assertEquals(1, gate.snapshot().decisions().size());
        assertEquals("1 of 3", gate.progress().summary());
    }

    @Test
    public void approvalsOlderThanTheValidityNoLongerCount() {
        ApprovalGate gate = open(production());
        approve(gate, lead("ann"), "");
        clock.advance(Duration.ofHours(23));
        approve(gate, lead("bob"), "");
        assertEquals("2 of 3", gate.progress().summary());
        clock.advance(Duration.ofHours(1));
        assertEquals("ann expired at exactly 24h", "1 of 3", gate.progress().summary());
        assertEquals(
                List.of("ann"),
                gate.progress().expired().stream().map(Decision::userId).toList());
        assertEquals(GateState.WAITING, approve(gate, security("sue"), "fine").state());
        assertTrue(
                "ann may approve again, and that counts",
                approve(gate, lead("ann"), "still fine").recorded());
        assertEquals(GateState.APPROVED, gate.state());
    }

    @Test
    public void aRejectionIsAVetoAndNeedsAComment() {
        ApprovalGate gate = open(production());
        approve(gate, lead("ann"), "");
        DecisionRefusedException silent = assertThrows(
                DecisionRefusedException.class,
                () -> gate.reject(lead("bob"), " ", ARTIFACT, gate.snapshot().policyDigest()));
        assertEquals(Refusal.COMMENT_REQUIRED, silent.refusal());
        assertEquals(Refusal.Category.INVALID, silent.refusal().category());
        DecisionResult veto = gate.reject(
                lead("bob"),
                "the migration is not reversible",
                ARTIFACT,
                gate.snapshot().policyDigest());
        assertEquals(GateState.REJECTED, veto.state());
        assertEquals("bob", gate.snapshot().closedBy());
        DecisionRefusedException late = refusedApproval(gate, lead("cid"), Refusal.CLOSED);
        assertThat(late.getMessage(), containsString("This gate is already REJECTED (rejected by bob)"));
        assertEquals(Refusal.Category.CONFLICT, late.refusal().category());
        assertEquals(2, gate.snapshot().decisions().size());
    }

    @Test
    public void anIneligibleRejectionIsRefused() {
        ApprovalGate gate = open(production());
        DecisionRefusedException e = assertThrows(
                DecisionRefusedException.class,
                () -> gate.reject(
                        person("mallory"), "no", ARTIFACT, gate.snapshot().policyDigest()));
        assertEquals(Refusal.NOT_ELIGIBLE, e.refusal());
        assertEquals(GateState.WAITING, gate.state());
    }

    @Test
    public void aRuleThatRequiresACommentDoesNotCountASilentApproval() {
        ApprovalGate gate = open(production());
        DecisionRefusedException e =
                assertThrows(DecisionRefusedException.class, () -> approve(gate, security("sue"), ""));
        assertEquals(Refusal.COMMENT_REQUIRED, e.refusal());
        assertThat(
                e.getMessage(),
                containsString("Rule 'security' (environments[production].approvalRules[1].commentRequired)"));
        DecisionResult dual = approve(gate, person("erin", "leads", "security"), "");
        assertEquals(
                "a silent approval counts only for the rule that needs no comment",
                List.of(0),
                dual.decision().rules());
    }

    @Test
    public void aDecisionForAnotherArtifactOrPolicyIsRefused() {
        ApprovalGate gate = open(production());
        DecisionRefusedException artifact = assertThrows(
                DecisionRefusedException.class,
                () -> gate.approve(
                        lead("ann"), "", Gates.OTHER_ARTIFACT, gate.snapshot().policyDigest()));
        assertEquals(Refusal.WRONG_ARTIFACT, artifact.refusal());
        assertThat(artifact.getMessage(), containsString("This gate is bound to artifact digest '" + ARTIFACT + "'"));
        DecisionRefusedException policy = assertThrows(
                DecisionRefusedException.class, () -> gate.approve(lead("ann"), "", ARTIFACT, "0".repeat(64)));
        assertEquals(Refusal.WRONG_POLICY, policy.refusal());
        assertThrows(DecisionRefusedException.class, () -> gate.approve(lead("ann"), "", null, null));
        assertEquals(List.of(), gate.snapshot().decisions());
    }

    @Test
    public void timesOutAtTheDeadline() {
        ApprovalGate gate = open(production());
        approve(gate, lead("ann"), "");
        clock.advance(Duration.ofDays(2).minusSeconds(1));
        assertFalse(gate.expireIfDue());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(gate.expireIfDue());
        assertFalse(gate.expireIfDue());
        assertEquals(GateState.TIMED_OUT, gate.state());
        assertThat(gate.snapshot().closeReason(), containsString("2025-06-04T09:00:00Z"));
    }

    @Test
    public void aDecisionAfterTheDeadlineClosesTheGateAndIsRefused() {
        ApprovalGate gate = ApprovalGate.open(
                "g",
                Gates.effective(production(), Tightening.NONE.withTimeout(Duration.ofHours(1))),
                ARTIFACT,
                parties,
                clock);
        clock.advance(Duration.ofHours(1));
        refusedApproval(gate, lead("ann"), Refusal.CLOSED);
        assertEquals(GateState.TIMED_OUT, gate.state());
        assertEquals(List.of(), gate.snapshot().decisions());
    }

    @Test
    public void cancelClosesAWaitingGateOnly() {
        ApprovalGate gate = open(production());
        assertTrue(gate.cancel("ops", "run aborted"));
        assertEquals(GateState.CANCELLED, gate.state());
        assertEquals("ops", gate.snapshot().closedBy());
        assertFalse(gate.cancel("ops", "again"));
        assertEquals("run aborted", gate.snapshot().closeReason());
    }

    @Test
    public void breakGlassNeedsAnAllowingEnvironmentANamedUserAndAJustification() {
        ApprovalGate gate = open(production());
        String policy = gate.snapshot().policyDigest();
        DecisionRefusedException notNamed = assertThrows(
                DecisionRefusedException.class, () -> gate.breakGlass(lead("ann"), "outage", ARTIFACT, policy));
        assertEquals(Refusal.BREAK_GLASS_NOT_NAMED, notNamed.refusal());
        assertThat(notNamed.getMessage(), containsString("not named in environments[production].breakGlass.users"));
        DecisionRefusedException silent = assertThrows(
                DecisionRefusedException.class, () -> gate.breakGlass(person("ROOT"), "", ARTIFACT, policy));
        assertEquals(Refusal.COMMENT_REQUIRED, silent.refusal());
        DecisionResult forced = gate.breakGlass(person("ROOT"), "INC-4711: payment outage", ARTIFACT, policy);
        assertEquals(GateState.BROKEN_GLASS, forced.state());
        assertEquals(DecisionKind.BREAK_GLASS, forced.decision().kind());
        assertThat(gate.snapshot().closeReason(), containsString("glass broken by root: INC-4711: payment outage"));
        assertTrue(gate.state().letsThrough());

        ApprovalGate locked = open(production().toBuilder()
                .breakGlass(io.jenkins.plugins.promotiongates.core.policy.BreakGlass.FORBIDDEN)
                .build());
        DecisionRefusedException forbidden = assertThrows(
                DecisionRefusedException.class,
                () -> locked.breakGlass(
                        person("root"), "outage", ARTIFACT, locked.snapshot().policyDigest()));
        assertEquals(Refusal.BREAK_GLASS_NOT_ALLOWED, forbidden.refusal());
        assertThat(forbidden.getMessage(), containsString("environments[production].breakGlass.allowed is off"));
    }

    @Test
    public void breakGlassIsOfferedExactlyToWhomItWouldBeAccepted() {
        ApprovalGate gate = open(production());
        assertTrue(gate.canBreakGlass(person("ROOT")));
        assertFalse("an approver the environment does not name for break-glass", gate.canBreakGlass(lead("ann")));

        ApprovalGate locked = open(production().toBuilder()
                .breakGlass(io.jenkins.plugins.promotiongates.core.policy.BreakGlass.FORBIDDEN)
                .build());
        assertFalse("the environment forbids break-glass", locked.canBreakGlass(person("root")));
        ApprovalGate namedButOff = open(production().toBuilder()
                .breakGlass(
                        new io.jenkins.plugins.promotiongates.core.policy.BreakGlass(false, java.util.Set.of("root")))
                .build());
        assertFalse("named, but break-glass is off", namedButOff.canBreakGlass(person("root")));

        gate.breakGlass(person("root"), "outage", ARTIFACT, gate.snapshot().policyDigest());
        assertFalse("the gate has closed", gate.canBreakGlass(person("root")));
    }

    @Test
    public void anEnvironmentWithoutRulesCannotOpenAGate() {
        InvalidPolicyException e = assertThrows(
                InvalidPolicyException.class,
                () -> open(Environment.builder("dev").build()));
        assertEquals("environments[dev].approvalRules", e.problems().get(0).field());
    }

    @Test
    public void aWaitingGateHasNoCloseData() {
        ApprovalGate gate = open(production());
        assertNull(gate.snapshot().closedAt());
        assertEquals(Instant.parse("2025-06-04T09:00:00Z"), gate.progress().deadline());
        assertEquals(GateState.WAITING, gate.progress().state());
    }
}
