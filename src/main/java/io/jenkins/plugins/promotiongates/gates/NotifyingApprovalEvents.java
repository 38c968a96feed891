package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.notify.GateEvent;
import io.jenkins.plugins.promotiongates.core.notify.RunLocation;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.listeners.GateNotifications;
import java.io.IOException;
import jenkins.model.Jenkins;

/**
 * Records each gate event with {@code recorder} (the audit), then announces it to the
 * {@code GateListener}s. The announcement returns at once: nobody deciding waits for an e-mail or a
 * webhook, and an event is announced only once it is recorded.
 */
final class NotifyingApprovalEvents implements ApprovalEvents {

    private final ApprovalEvents recorder;

    NotifyingApprovalEvents(ApprovalEvents recorder) {
        this.recorder = recorder;
    }

    @Override
    public void opened(Run<?, ?> run, TaskListener listener, GateSnapshot gate, String message, ApprovalSubject subject)
            throws IOException {
        recorder.opened(run, listener, gate, message, subject);
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

    @Override
    public void decided(Run<?, ?> run, TaskListener listener, GateSnapshot gate, Decision decision) throws IOException {
        recorder.decided(run, listener, gate, decision);
        announce(GateEvent.DECIDED, run, gate, decision);
    }

    @Override
    public void closed(Run<?, ?> run, TaskListener listener, GateSnapshot gate) throws IOException {
        recorder.closed(run, listener, gate);
        announce(GateEvent.CLOSED, run, gate, null);
    }

    @Override
    public void reminder(Run<?, ?> run, TaskListener listener, GateSnapshot gate) throws IOException {
        recorder.reminder(run, listener, gate);
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
