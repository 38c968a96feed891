package io.jenkins.plugins.promotiongates.approvals;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;

/** Writes each gate event to the build log only; the audit-backed implementation replaces it. */
final class LoggingApprovalEvents implements ApprovalEvents {

    @Override
    public void opened(Run<?, ?> run, TaskListener listener, GateSnapshot gate) {
        // The step prints the waiting line with the link itself.
    }

    @Override
    public void decided(Run<?, ?> run, TaskListener listener, GateSnapshot gate, Decision decision) {
        listener.getLogger().println(GateOutcome.decisionLine(gate, decision));
    }

    @Override
    public void closed(Run<?, ?> run, TaskListener listener, GateSnapshot gate) {
        listener.getLogger().println("[Promotion Gates] " + GateOutcome.closeMessage(gate));
    }
}
