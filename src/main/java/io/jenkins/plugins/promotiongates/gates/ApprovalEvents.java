package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.io.IOException;

/**
 * Every point of a gate's life that the audit trail records. The step calls each method before it
 * lets the run continue or stop; an {@link IOException} fails the step, so that no decision takes
 * effect unrecorded.
 */
public interface ApprovalEvents {

    /**
     * A gate opened and waits: {@code gate.state()} is WAITING, with no decision yet; {@code message}
     * is the step's message to approvers; {@code subject} what the approvals are bound to, or {@code null}.
     */
    void opened(Run<?, ?> run, TaskListener listener, GateSnapshot gate, String message, ApprovalSubject subject)
            throws IOException;

    /**
     * A decision was accepted (approve, reject or break-glass). {@code gate} already holds it; when
     * the decision closed the gate, {@link #closed} follows.
     */
    void decided(Run<?, ?> run, TaskListener listener, GateSnapshot gate, Decision decision) throws IOException;

    /**
     * The gate closed: approved, rejected, broken glass, timed out or cancelled. {@code gate} gives
     * closedAt, closedBy and closeReason.
     */
    void closed(Run<?, ?> run, TaskListener listener, GateSnapshot gate) throws IOException;

    /** The gate still waits and its deadline is near (the environment's {@code reminderBefore}). */
    default void reminder(Run<?, ?> run, TaskListener listener, GateSnapshot gate) throws IOException {}

    /** The implementation the step uses: the audit first, then the notifications ({@code GateListener}s). */
    static ApprovalEvents standard() {
        return new NotifyingApprovalEvents(new AuditApprovalEvents());
    }
}
