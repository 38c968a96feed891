package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.time.Instant;
import java.util.List;

/**
 * One announcement of a gate's life, as every notifier (e-mail, webhook, a {@code GateListener} of
 * another plugin) receives it. It holds what an approver needs to act and nothing the policy keeps
 * to itself: no rule definitions, no policy JSON, no credential.
 *
 * @param event what happened
 * @param gateId the gate's id within its run
 * @param run where the gate is, with the link to its page
 * @param environment the target environment
 * @param application the application, or empty when the gate is bound to no release
 * @param version the version, or empty
 * @param releaseDigest the digest the approvals are bound to ({@code sha256:...}), or empty
 * @param message the step's message to approvers
 * @param state the gate's state after the event
 * @param progress approvals that count, as people say it: {@code 1 of 2}
 * @param deadline when the gate times out
 * @param time when the event happened: the gate opened, the decision was taken, the gate closed, or the
 *     reminder was sent
 * @param actor who decided or closed the gate; empty for an opening, a reminder or a timeout
 * @param decision the decision of a {@link GateEvent#DECIDED} event, or {@code null}
 * @param closeReason why the gate closed, in words; empty while it waits
 * @param deciders user ids of the people asked to decide (eligible, not excluded, not yet decided)
 * @param policyDigest the digest of the policy the gate enforces (a hash: it reveals nothing of the policy)
 */
public record GateNotice(
        GateEvent event,
        String gateId,
        RunLocation run,
        String environment,
        String application,
        String version,
        String releaseDigest,
        String message,
        GateState state,
        String progress,
        Instant deadline,
        Instant time,
        String actor,
        Decision decision,
        String closeReason,
        List<String> deciders,
        String policyDigest) {

    public GateNotice {
        message = message == null ? "" : message;
        actor = actor == null ? "" : actor;
        closeReason = closeReason == null ? "" : closeReason;
        deciders = List.copyOf(deciders);
    }

    /**
     * The notice of {@code event} for {@code gate}.
     *
     * @param subject what the approvals are bound to, or {@code null}
     * @param decision the decision just accepted ({@link GateEvent#DECIDED}), else {@code null}
     * @param progress the gate's progress summary now
     * @param deciders who is asked to decide, from {@code Deciders.among}
     * @param now the time of a reminder, and of an event whose own time the gate does not hold
     */
    public static GateNotice of(
            GateEvent event,
            GateSnapshot gate,
            ApprovalSubject subject,
            RunLocation run,
            String message,
            String progress,
            Decision decision,
            List<String> deciders,
            Instant now) {
        String actor = decision != null ? decision.userId() : event == GateEvent.CLOSED ? gate.closedBy() : "";
        return new GateNotice(
                event,
                gate.gateId(),
                run,
                gate.policy().name(),
                subject == null ? "" : subject.application(),
                subject == null ? "" : subject.version(),
                subject == null ? "" : subject.digest().toString(),
                message,
                gate.state(),
                progress,
                gate.deadline(),
                timeOf(event, gate, decision, now),
                actor,
                decision,
                gate.closeReason(),
                deciders,
                gate.policyDigest());
    }

    private static Instant timeOf(GateEvent event, GateSnapshot gate, Decision decision, Instant now) {
        return switch (event) {
            case OPENED -> gate.openedAt();
            case DECIDED -> decision == null ? now : decision.time();
            case CLOSED -> gate.closedAt() == null ? now : gate.closedAt();
            case REMINDER -> now;
        };
    }

    /** {@code shop 1.4.0}, {@code shop}, or the digest when the release is not known by name. */
    public String release() {
        String name = (application + " " + version).trim();
        return name.isEmpty() ? releaseDigest : name;
    }
}
