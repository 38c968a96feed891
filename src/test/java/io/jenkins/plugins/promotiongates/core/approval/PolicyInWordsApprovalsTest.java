package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.BreakGlass;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.PolicyInWords;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** A gate's policy in words, never as JSON: rules, counts, who, validity, timeout, break-glass. */
public class PolicyInWordsApprovalsTest {

    @Test
    public void theProductionPolicyInPlainSentences() {
        assertEquals(
                List.of(
                        "All 2 approval rules must be met, each by its own people:",
                        "leads: 2 approvals from different people from members of group leads.",
                        "security: 1 approval from members of group security, each with a comment.",
                        "Whoever started the run, or a run upstream of it, may not decide.",
                        "Authors of changes that production has not received yet may not decide.",
                        "One person counts for one rule only.",
                        "A rejection by anyone who may decide ends the gate at once; it needs a comment.",
                        "An approval counts for 1 d after it is given; after that the person must approve again.",
                        "The gate waits at most 2 d for decisions, then times out and stops the run.",
                        "Break-glass is allowed for root (administrators only), with a justification that is"
                                + " recorded and shown everywhere."),
                PolicyInWords.approvals(Gates.effective(production())));
    }

    @Test
    public void usersGroupsUnnamedRulesNarrowingAndSwitchesOff() {
        Environment staging = Environment.builder("staging")
                .rule(new ApprovalRule("", Set.of("alice", "bob", "carol"), Set.of("qa", "ops"), 2, false))
                .starterMayNotApprove(false)
                .changeAuthorsMayNotApprove(false)
                .approvalValidity(Duration.ofMinutes(90))
                .gateTimeout(Duration.ofHours(3).plusMinutes(12))
                .breakGlass(BreakGlass.FORBIDDEN)
                .build();
        List<String> sentences = PolicyInWords.approvals(
                Gates.effective(staging, Tightening.NONE.withApprovers(List.of("alice", "bob"))));
        assertEquals("One approval rule must be met:", sentences.get(0));
        assertEquals(
                "rule 1: 2 approvals from different people from alice, bob and carol or members of groups ops and qa.",
                sentences.get(1));
        assertEquals("This pipeline narrowed who may decide to alice and bob.", sentences.get(2));
        assertThat(
                sentences,
                hasItem("An approval counts for 1 h 30 min after it is given; after that the person"
                        + " must approve again."));
        assertThat(
                sentences,
                hasItem("The gate waits at most 3 h 12 min for decisions, then times out and stops the run."));
        assertThat(sentences, hasItem("Break-glass is not allowed: nobody can bypass these approvals."));
        assertThat(sentences, not(hasItem("Whoever started the run, or a run upstream of it, may not decide.")));
        assertThat(sentences, not(hasItem("One person counts for one rule only.")));
        for (String sentence : sentences) {
            assertThat(sentence, not(org.hamcrest.Matchers.containsString("{")));
        }
    }
}
