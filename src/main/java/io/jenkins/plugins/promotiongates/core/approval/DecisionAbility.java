package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.time.Instant;
import java.util.List;

/**
 * Whether the person in front of a gate may decide on it now and, if not, why: the first line of the
 * gate's page, and what "My approvals" filters on. It says beforehand what {@link ApprovalGate#approve}
 * and {@link ApprovalGate#reject} would say on submission, in the same order (closed first, then
 * separation of duties, then eligibility).
 *
 * @param reason why the person may or may not decide
 * @param explanation the reason in a sentence addressed to the person, naming the setting behind it
 */
public record DecisionAbility(Reason reason, String explanation) {

    /** Why a person may or may not decide. */
    public enum Reason {
        /** Eligible, not excluded, not yet counted: the gate waits for this person. */
        YOU_MAY_DECIDE,
        /** Anonymous: nobody can tell whether the person may decide until they log in. */
        NOT_LOGGED_IN,
        /** The gate no longer accepts decisions (or its deadline has passed). */
        GATE_CLOSED,
        /** The person's approval counts now; approving again changes nothing, rejecting still vetoes. */
        ALREADY_DECIDED,
        /** Separation of duties: the person started the run or a run upstream of it. */
        YOU_STARTED_THE_RUN,
        /** Separation of duties: the person authored changes the environment has not received. */
        YOU_AUTHORED_CHANGES,
        /** No rule names the person or their groups, or the step narrowed the approvers. */
        NOT_ELIGIBLE
    }

    /**
     * The ability of {@code who} at {@code now}.
     *
     * @param who the authenticated person, or {@code null} when nobody is logged in
     */
    public static DecisionAbility of(GateSnapshot gate, Approver who, Instant now) {
        EffectivePolicy policy = gate.policy();
        if (who == null) {
            return new DecisionAbility(
                    Reason.NOT_LOGGED_IN, "You are not logged in: log in to see whether you may approve or reject.");
        }
        if (gate.state().isClosed()) {
            return new DecisionAbility(
                    Reason.GATE_CLOSED,
                    "Nobody can decide any more: this gate closed as " + gate.state() + " at "
                            + DisplayTime.of(gate.closedAt()) + " (" + gate.closeReason() + ").");
        }
        if (!now.isBefore(gate.deadline())) {
            return new DecisionAbility(
                    Reason.GATE_CLOSED,
                    "Nobody can decide any more: this gate timed out at " + DisplayTime.of(gate.deadline()) + ".");
        }
        List<Integer> rules;
        try {
            rules = Eligibility.rulesFor(policy, gate.parties(), who);
        } catch (DecisionRefusedException e) {
            return excluded(e.refusal(), policy, who);
        }
        Quorum quorum = Quorum.evaluate(policy, gate.parties(), gate.decisions(), now);
        for (Decision counted : quorum.counted()) {
            if (counted.userId().equals(who.userId())) {
                return new DecisionAbility(
                        Reason.ALREADY_DECIDED,
                        "You approved at " + DisplayTime.of(counted.time()) + "; your approval counts until "
                                + DisplayTime.of(
                                        counted.time().plus(policy.environment().approvalValidity()))
                                + ". You may still reject, which vetoes the gate.");
            }
        }
        return new DecisionAbility(Reason.YOU_MAY_DECIDE, mayDecide(policy, rules));
    }

    /** The page's words for what {@link Eligibility} would refuse on submission. */
    private static DecisionAbility excluded(Refusal refusal, EffectivePolicy policy, Approver who) {
        String environment = policy.name();
        String setting = "environments[" + environment + "].";
        return switch (refusal) {
            case STARTER_EXCLUDED ->
                new DecisionAbility(
                        Reason.YOU_STARTED_THE_RUN,
                        "You cannot decide: you started this run (or a run upstream of it that triggered it), and "
                                + setting + "starterMayNotApprove forbids the run's starters to decide.");
            case CHANGE_AUTHOR_EXCLUDED ->
                new DecisionAbility(
                        Reason.YOU_AUTHORED_CHANGES,
                        "You cannot decide: you authored changes that " + environment + " has not received yet, and "
                                + setting + "changeAuthorsMayNotApprove forbids their authors to decide.");
            default ->
                new DecisionAbility(
                        Reason.NOT_ELIGIBLE,
                        policy.rules().stream().anyMatch(rule -> rule.isEligible(who.userId(), who.groups()))
                                ? "You cannot decide: you are eligible in " + environment
                                        + ", but this step's approvers argument names only "
                                        + String.join(", ", policy.approvers()) + "."
                                : "You cannot decide: no approval rule of " + environment
                                        + " names you or one of your groups (" + setting + "approvalRules).");
        };
    }

    private static String mayDecide(EffectivePolicy policy, List<Integer> rules) {
        List<String> labels = rules.stream()
                .map(i -> "'" + policy.environment().ruleLabel(i) + "'")
                .toList();
        boolean commentAlways =
                rules.stream().allMatch(i -> policy.rules().get(i).commentRequired());
        return "You may approve or reject: you are eligible under " + (labels.size() == 1 ? "rule " : "rules ")
                + String.join(", ", labels)
                + (commentAlways ? ". Your approval needs a comment." : ".")
                + " A rejection needs a comment and ends the gate.";
    }

    /** Whether the gate waits for this person: they may approve or reject ("My approvals" lists it). */
    public boolean awaitsYou() {
        return reason == Reason.YOU_MAY_DECIDE;
    }

    /** Whether an approval from this person would count. */
    public boolean mayApprove() {
        return reason == Reason.YOU_MAY_DECIDE;
    }

    /** Whether a rejection (a veto) from this person would be accepted, given a comment. */
    public boolean mayReject() {
        return reason == Reason.YOU_MAY_DECIDE || reason == Reason.ALREADY_DECIDED;
    }
}
