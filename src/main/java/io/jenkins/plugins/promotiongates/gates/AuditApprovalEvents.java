package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateEvents;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.audit.EventDraft;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;

/**
 * Records every gate event in the run's audit chain and the controller's ledger (durably, before
 * the step goes on), and writes decisions and the outcome to the build log.
 */
final class AuditApprovalEvents implements ApprovalEvents {

    @Override
    public void opened(Run<?, ?> run, TaskListener listener, GateSnapshot gate, String message, ApprovalSubject subject)
            throws IOException {
        RunAudit.record(run, GateEvents.requested(gate, message, subject));
    }

    @Override
    public void decided(Run<?, ?> run, TaskListener listener, GateSnapshot gate, Decision decision) throws IOException {
        RunAudit.record(run, GateEvents.decided(gate, decision));
        listener.getLogger().println(GateOutcome.decisionLine(gate, decision));
    }

    @Override
    public void closed(Run<?, ?> run, TaskListener listener, GateSnapshot gate) throws IOException {
        for (EventDraft expired : GateEvents.expired(gate)) {
            RunAudit.record(run, expired);
        }
        RunAudit.record(run, GateEvents.closed(gate));
        listener.getLogger().println("[Promotion Gates] " + GateOutcome.closeMessage(gate));
    }
}
