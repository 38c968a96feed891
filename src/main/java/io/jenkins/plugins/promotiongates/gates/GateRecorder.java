package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateEvents;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.notify.GateEvent;
import io.jenkins.plugins.promotiongates.core.notify.RunLocation;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import io.jenkins.plugins.promotiongates.listeners.GateNotifications;
import java.io.IOException;
import jenkins.model.Jenkins;

/**
 * Every point of a gate's life, in order: first recorded in the run's audit chain and the controller's
 * ledger (durably, before the step goes on; an {@link IOException} fails the step, so that no decision
 * takes effect unrecorded) and written to the build log, then announced to the {@code GateListener}s.
 * The announcement returns at once: nobody deciding waits for an e-mail or a webhook, and an event is
 * announced only once it is recorded.
 */
public final class GateRecorder {

    private GateRecorder() {}

    /**
     * A gate opened and waits: {@code gate.state()} is WAITING, with no decision yet; {@code message} is the
     * step's message to approvers; {@code subject} what the approvals are bound to, or {@code null}.
     */
    public static void opened(Run<?, ?> run, GateSnapshot gate, String message, ApprovalSubject subject)
            throws IOException {
        RunAudit.record(run, GateEvents.requested(gate, message, subject));
        GateNotifications.announce(
                GateEvent.OPENED,
                run,
                location(run, gate),
                gate,
                subject,
                message,
                null,
                ApproverDirectory::candidates);
    }

    /**
     * A decision was accepted (approve, reject or break-glass). {@code gate} already holds it; when the
     * decision closed the gate, {@link #closed} follows.
     */
    public static void decided(Run<?, ?> run, TaskListener listener, GateSnapshot gate, Decision decision)
            throws IOException {
        RunAudit.record(run, GateEvents.decided(gate, decision));
        listener.getLogger().println(GateOutcome.decisionLine(gate, decision));
        announce(GateEvent.DECIDED, run, gate, decision);
    }

    /**
     * The gate closed: approved, rejected, broken glass, timed out or cancelled. {@code gate} gives closedAt,
     * closedBy and closeReason.
     */
    public static void closed(Run<?, ?> run, TaskListener listener, GateSnapshot gate) throws IOException {
        for (EventDraft expired : GateEvents.expired(gate)) {
            RunAudit.record(run, expired);
        }
        RunAudit.record(run, GateEvents.closed(gate));
        listener.getLogger().println("[Promotion Gates] " + GateOutcome.closeMessage(gate));
        announce(GateEvent.CLOSED, run, gate, null);
    }

    /** The gate still waits and its deadline is near (the environment's {@code reminderBefore}): announced only. */
    public static void reminder(Run<?, ?> run, GateSnapshot gate) {
        announce(GateEvent.REMINDER, run, gate, null);
    }

    private static void announce(GateEvent event, Run<?, ?> run, GateSnapshot gate, Decision decision) {
        ApprovalsAction action = ApprovalsAction.of(run);
        GateNotifications.announce(
                event,
                run,
                location(run, gate),
                gate,
                action.subject(gate.gateId()),
                action.message(gate.gateId()),
                decision,
                ApproverDirectory::candidates);
    }

    /** The run and its gate's page, absolute when Jenkins knows its URL (Manage Jenkins » System). */
    private static RunLocation location(Run<?, ?> run, GateSnapshot gate) {
        String root = Jenkins.get().getRootUrl();
        String prefix = root == null ? "/" : root;
        return new RunLocation(
                run.getParent().getFullName(),
                run.getNumber(),
                prefix + run.getUrl(),
                prefix + GateLinks.url(run, gate.gateId()));
    }
}
