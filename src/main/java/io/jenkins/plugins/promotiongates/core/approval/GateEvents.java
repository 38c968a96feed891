package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.event.ApprovalDecisionDetails;
import io.jenkins.plugins.promotiongates.core.event.ApprovalExpiredDetails;
import io.jenkins.plugins.promotiongates.core.event.ApprovalRequestedDetails;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.GateClosedDetails;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit events of an approval gate's life: {@code approval.requested} when it opens, one
 * {@code approval.granted}, {@code approval.rejected} or {@code approval.breakglass} per accepted
 * decision, on closing one {@code approval.expired} per approval that had aged out while the gate
 * waited, then {@code gate.passed}, {@code gate.failed} or {@code approval.timedout}.
 * Each carries the environment, the effective policy's digest and the artifact digest the gate is
 * bound to.
 */
public final class GateEvents {

    private GateEvents() {}

    /**
     * The gate opened and waits. The actor is the run's first starter (its own, else the nearest upstream
     * one), or SYSTEM for a run no user started; every starter is listed in the details.
     */
    public static EventDraft requested(GateSnapshot gate, String message) {
        return requested(gate, message, null);
    }

    /**
     * The gate opened and waits, bound to {@code subject}: its details also carry {@code release}, the
     * application, version and files the bound digest stands for ({@link ApprovalSubject#toTree}).
     *
     * @param subject what the approvals are bound to, or {@code null} when the gate is bound to nothing
     */
    public static EventDraft requested(GateSnapshot gate, String message, ApprovalSubject subject) {
        List<ApprovalRequestedDetails.Rule> rules = new ArrayList<>();
        for (int i = 0; i < gate.policy().rules().size(); i++) {
            ApprovalRule rule = gate.policy().rules().get(i);
            rules.add(new ApprovalRequestedDetails.Rule(
                    gate.policy().environment().ruleLabel(i),
                    rule.count(),
                    List.copyOf(rule.users()),
                    List.copyOf(rule.groups()),
                    rule.commentRequired()));
        }
        ApprovalRequestedDetails details = new ApprovalRequestedDetails(
                gate.gateId(),
                digest(gate),
                subject == null ? null : ApprovalRequestedDetails.releaseTree(subject.toTree()),
                message == null ? "" : message,
                gate.deadline().toString(),
                rules,
                List.copyOf(gate.parties().starters()));
        String starter = gate.parties().starter();
        return draft(
                EventTypes.APPROVAL_REQUESTED,
                starter == null || starter.isEmpty() ? EventDraft.SYSTEM : starter,
                gate,
                details.toMap());
    }

    /** An accepted decision, by the person who made it. */
    public static EventDraft decided(GateSnapshot gate, Decision decision) {
        ApprovalDecisionDetails details = new ApprovalDecisionDetails(
                gate.gateId(), digest(gate), decision.comment(), decision.time().toString(), decision.rules());
        String type =
                switch (decision.kind()) {
                    case APPROVE -> EventTypes.APPROVAL_GRANTED;
                    case REJECT -> EventTypes.APPROVAL_REJECTED;
                    case BREAK_GLASS -> EventTypes.APPROVAL_BREAKGLASS;
                };
        return draft(type, decision.userId(), gate, details.toMap());
    }

    /**
     * The approvals that had stopped counting by the time the gate closed, because they were older
     * than the approval validity: one {@code approval.expired} each, by the approver, with the
     * instant it expired.
     */
    public static List<EventDraft> expired(GateSnapshot gate) {
        List<EventDraft> drafts = new ArrayList<>();
        if (gate.closedAt() == null) {
            return drafts;
        }
        for (Decision decision : gate.decisions()) {
            java.time.Instant expiry =
                    decision.time().plus(gate.policy().environment().approvalValidity());
            if (decision.kind() == DecisionKind.APPROVE && !gate.closedAt().isBefore(expiry)) {
                ApprovalExpiredDetails details = new ApprovalExpiredDetails(
                        gate.gateId(),
                        digest(gate),
                        decision.time().toString(),
                        expiry.toString(),
                        gate.policy().environment().approvalValidity().toString());
                drafts.add(draft(EventTypes.APPROVAL_EXPIRED, decision.userId(), gate, details.toMap()));
            }
        }
        return drafts;
    }

    /** The gate closed; the actor is who closed it, or SYSTEM for a timeout. */
    public static EventDraft closed(GateSnapshot gate) {
        GateClosedDetails details = new GateClosedDetails(
                gate.gateId(),
                digest(gate),
                gate.state().name(),
                gate.closeReason(),
                gate.closedAt() == null ? "" : gate.closedAt().toString(),
                gate.state() == GateState.BROKEN_GLASS);
        String type =
                switch (gate.state()) {
                    case APPROVED, BROKEN_GLASS -> EventTypes.GATE_PASSED;
                    case TIMED_OUT -> EventTypes.APPROVAL_TIMEDOUT;
                    default -> EventTypes.GATE_FAILED;
                };
        return draft(type, gate.closedBy().isEmpty() ? EventDraft.SYSTEM : gate.closedBy(), gate, details.toMap());
    }

    private static String digest(GateSnapshot gate) {
        return ArtifactDigest.text(gate.artifactDigest());
    }

    private static EventDraft draft(String type, String actor, GateSnapshot gate, Map<String, Object> details) {
        return EventDraft.of(type, actor)
                .withEnvironment(gate.policy().name())
                .withPolicyDigest(gate.policyDigest())
                .withDetails(details);
    }
}
