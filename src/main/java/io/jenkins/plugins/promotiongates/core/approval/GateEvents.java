package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, Object> details = base(gate);
        if (subject != null) {
            details.put("release", subject.toTree());
        }
        details.put("message", message == null ? "" : message);
        details.put("deadline", gate.deadline().toString());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < gate.policy().rules().size(); i++) {
            ApprovalRule rule = gate.policy().rules().get(i);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", gate.policy().environment().ruleLabel(i));
            summary.put("count", rule.count());
            summary.put("users", List.copyOf(rule.users()));
            summary.put("groups", List.copyOf(rule.groups()));
            summary.put("commentRequired", rule.commentRequired());
            rules.add(summary);
        }
        details.put("rules", rules);
        details.put("starters", List.copyOf(gate.parties().starters()));
        String starter = gate.parties().starter();
        return draft(
                EventTypes.APPROVAL_REQUESTED,
                starter == null || starter.isEmpty() ? EventDraft.SYSTEM : starter,
                gate,
                details);
    }

    /** An accepted decision, by the person who made it. */
    public static EventDraft decided(GateSnapshot gate, Decision decision) {
        Map<String, Object> details = base(gate);
        details.put("comment", decision.comment());
        details.put("decidedAt", decision.time().toString());
        details.put("rules", List.copyOf(decision.rules()));
        String type =
                switch (decision.kind()) {
                    case APPROVE -> EventTypes.APPROVAL_GRANTED;
                    case REJECT -> EventTypes.APPROVAL_REJECTED;
                    case BREAK_GLASS -> EventTypes.APPROVAL_BREAKGLASS;
                };
        return draft(type, decision.userId(), gate, details);
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
                Map<String, Object> details = base(gate);
                details.put("decidedAt", decision.time().toString());
                details.put("expiredAt", expiry.toString());
                details.put(
                        "validity",
                        gate.policy().environment().approvalValidity().toString());
                drafts.add(draft(EventTypes.APPROVAL_EXPIRED, decision.userId(), gate, details));
            }
        }
        return drafts;
    }

    /** The gate closed; the actor is who closed it, or SYSTEM for a timeout. */
    public static EventDraft closed(GateSnapshot gate) {
        Map<String, Object> details = base(gate);
        details.put("state", gate.state().name());
        details.put("reason", gate.closeReason());
        details.put("closedAt", gate.closedAt() == null ? "" : gate.closedAt().toString());
        details.put("breakGlass", gate.state() == GateState.BROKEN_GLASS);
        String type =
                switch (gate.state()) {
                    case APPROVED, BROKEN_GLASS -> EventTypes.GATE_PASSED;
                    case TIMED_OUT -> EventTypes.APPROVAL_TIMEDOUT;
                    default -> EventTypes.GATE_FAILED;
                };
        return draft(type, gate.closedBy().isEmpty() ? EventDraft.SYSTEM : gate.closedBy(), gate, details);
    }

    private static Map<String, Object> base(GateSnapshot gate) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("gate", gate.gateId());
        details.put("artifactDigest", ArtifactDigest.text(gate.artifactDigest()));
        return details;
    }

    private static EventDraft draft(String type, String actor, GateSnapshot gate, Map<String, Object> details) {
        return EventDraft.of(type, actor)
                .withEnvironment(gate.policy().name())
                .withPolicyDigest(gate.policyDigest())
                .withDetails(details);
    }
}
