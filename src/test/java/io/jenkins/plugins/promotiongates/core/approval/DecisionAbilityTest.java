package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.person;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.security;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.approval.DecisionAbility.Reason;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * The first line of a gate's page: whether you may decide and, if not, why; one test per reason, and the
 * promise that the page says beforehand what a submission would be told.
 */
public class DecisionAbilityTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));
    private final RunParties parties = RunParties.of(IDS, "Sam", List.of("Carl"));

    private ApprovalGate open(Environment environment) {
        return ApprovalGate.open("approve-prod", Gates.effective(environment), ARTIFACT, parties, clock);
    }

    private static void approve(ApprovalGate gate, Approver who, String comment) {
        gate.approve(who, comment, ARTIFACT, gate.snapshot().policyDigest());
    }

    @Test
    public void anEligiblePersonMayDecideAndIsToldUnderWhichRule() {
        DecisionAbility ability = open(production()).ability(lead("ann"));
        assertEquals(Reason.YOU_MAY_DECIDE, ability.reason());
        assertTrue(ability.awaitsYou());
        assertTrue(ability.mayApprove());
        assertTrue(ability.mayReject());
        assertEquals(
                "You may approve or reject: you are eligible under rule 'leads'."
                        + " A rejection needs a comment and ends the gate.",
                ability.explanation());
    }

    @Test
    public void aPersonWhoseEveryRuleNeedsACommentIsToldSo() {
        DecisionAbility ability = open(production()).ability(security("sue"));
        assertEquals(Reason.YOU_MAY_DECIDE, ability.reason());
        assertEquals(
                "You may approve or reject: you are eligible under rule 'security'. Your approval needs a comment."
                        + " A rejection needs a comment and ends the gate.",
                ability.explanation());
        assertEquals(
                "rules 'leads', 'security'",
                open(production())
                        .ability(person("both", "leads", "security"))
                        .explanation()
                        .replaceAll("^.*under (rules [^.]*)\\..*$", "$1"));
    }

    @Test
    public void nobodyLoggedInIsAskedToLogIn() {
        DecisionAbility ability = open(production()).ability(null);
        assertEquals(Reason.NOT_LOGGED_IN, ability.reason());
        assertFalse(ability.awaitsYou());
        assertFalse(ability.mayReject());
        assertEquals("You are not logged in: log in to see whether you may approve or reject.", ability.explanation());
    }

    @Test
    public void theStarterIsExcludedNamingTheSetting() {
        DecisionAbility ability = open(production()).ability(lead("sam"));
        assertEquals(Reason.YOU_STARTED_THE_RUN, ability.reason());
        assertFalse(ability.mayApprove());
        assertFalse(ability.mayReject());
        assertEquals(
                "You cannot decide: you started this run (or a run upstream of it that triggered it), and"
                        + " environments[production].starterMayNotApprove forbids the run's starters to decide.",
                ability.explanation());
        Environment allowed =
                production().toBuilder().starterMayNotApprove(false).build();
        assertEquals(Reason.YOU_MAY_DECIDE, open(allowed).ability(lead("sam")).reason());
    }

    @Test
    public void aChangeAuthorIsExcludedNamingTheSetting() {
        DecisionAbility ability = open(production()).ability(lead("CARL"));
        assertEquals(Reason.YOU_AUTHORED_CHANGES, ability.reason());
        assertEquals(
                "You cannot decide: you authored changes that production has not received yet, and"
                        + " environments[production].changeAuthorsMayNotApprove forbids their authors to decide.",
                ability.explanation());
        Environment allowed =
                production().toBuilder().changeAuthorsMayNotApprove(false).build();
        assertEquals(Reason.YOU_MAY_DECIDE, open(allowed).ability(lead("carl")).reason());
    }

    @Test
    public void aPersonNoRuleNamesIsNotEligible() {
        DecisionAbility ability = open(production()).ability(person("mallory", "developers"));
        assertEquals(Reason.NOT_ELIGIBLE, ability.reason());
        assertEquals(
                "You cannot decide: no approval rule of production names you or one of your groups"
                        + " (environments[production].approvalRules).",
                ability.explanation());
    }

    @Test
    public void aPersonTheStepLeftOutIsNotEligibleAndToldWhoIs() {
        ApprovalGate gate = ApprovalGate.open(
                "approve-prod",
                Gates.effective(
                        Environment.builder("production")
                                .rule(new ApprovalRule("leads", Set.of("ann", "bob", "sue"), Set.of(), 1, false))
                                .build(),
                        Tightening.NONE.withApprovers(List.of("ann", "sue"))),
                ARTIFACT,
                parties,
                clock);
        DecisionAbility ability = gate.ability(person("bob"));
        assertEquals(Reason.NOT_ELIGIBLE, ability.reason());
        assertEquals(
                "You cannot decide: you are eligible in production, but this step's approvers argument names only"
                        + " ann, sue.",
                ability.explanation());
    }

    @Test
    public void aPersonWhoseApprovalCountsHasDecidedUntilItExpiresAndMayStillVeto() {
        ApprovalGate gate = open(production());
        approve(gate, lead("ann"), "");
        DecisionAbility ability = gate.ability(lead("ann"));
        assertEquals(Reason.ALREADY_DECIDED, ability.reason());
        assertFalse(ability.awaitsYou());
        assertFalse(ability.mayApprove());
        assertTrue(ability.mayReject());
        assertEquals(
                "You approved at 2025-06-02T09:00:00Z; your approval counts until 2025-06-03T09:00:00Z."
                        + " You may still reject, which vetoes the gate.",
                ability.explanation());
        clock.advance(Duration.ofHours(24));
        assertEquals(Reason.YOU_MAY_DECIDE, gate.ability(lead("ann")).reason());
    }

    @Test
    public void aClosedGateTakesNoDecisionFromAnyone() {
        ApprovalGate gate = open(production());
        gate.reject(lead("bob"), "not ready", ARTIFACT, gate.snapshot().policyDigest());
        for (Approver who : List.of(lead("ann"), lead("bob"), lead("sam"), person("mallory"))) {
            DecisionAbility ability = gate.ability(who);
            assertEquals(Reason.GATE_CLOSED, ability.reason());
            assertEquals(
                    "Nobody can decide any more: this gate closed as REJECTED at 2025-06-02T09:00:00Z"
                            + " (rejected by bob).",
                    ability.explanation());
        }
    }

    @Test
    public void aGatePastItsDeadlineIsClosedBeforeTheTimerSaysSo() {
        ApprovalGate gate = open(production());
        clock.advance(Duration.ofDays(2));
        DecisionAbility ability = gate.ability(lead("ann"));
        assertEquals(Reason.GATE_CLOSED, ability.reason());
        assertEquals("Nobody can decide any more: this gate timed out at 2025-06-04T09:00:00Z.", ability.explanation());
    }

    /** What the page says beforehand is what a submission is told: an approval is accepted iff it may approve. */
    @Test
    public void theAbilityForetellsTheEnginesAnswerForEveryone() {
        List<Approver> people = List.of(
                lead("ann"),
                lead("sam"),
                lead("carl"),
                security("sue"),
                person("both", "leads", "security"),
                person("mallory"));
        for (Approver who : people) {
            ApprovalGate gate = open(production());
            approve(gate, lead("bob"), "");
            DecisionAbility before = gate.ability(who);
            boolean accepted;
            try {
                gate.approve(who, "with a comment", ARTIFACT, gate.snapshot().policyDigest());
                accepted = true;
            } catch (DecisionRefusedException e) {
                accepted = false;
            }
            assertEquals(who + ": " + before, before.mayApprove(), accepted);
        }
        ApprovalGate gate = open(production());
        approve(gate, lead("ann"), "");
        assertTrue(gate.ability(lead("ann")).mayReject());
        gate.reject(lead("ann"), "changed my mind", ARTIFACT, gate.snapshot().policyDigest());
        assertEquals(GateState.REJECTED, gate.state());
        ApprovalGate excluded = open(production());
        assertFalse(excluded.ability(lead("sam")).mayReject());
        assertThrows(
                DecisionRefusedException.class,
                () -> excluded.reject(
                        lead("sam"), "no", ARTIFACT, excluded.snapshot().policyDigest()));
    }
}
