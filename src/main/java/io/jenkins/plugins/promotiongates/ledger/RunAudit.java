package io.jenkins.plugins.promotiongates.ledger;

import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.audit.RecordedEvent;
import io.jenkins.plugins.promotiongates.core.audit.RunChain;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.io.IOException;

/** Records a run's audit events and reads them back; the steps' one entry into the audit. */
public final class RunAudit {

    private RunAudit() {}

    /**
     * Records {@code draft} for {@code run}. Returns once the event is durable in the ledger and in
     * the run's own chain file; the run gets its "Promotion audit" page on its first event.
     */
    public static RecordedEvent record(Run<?, ?> run, EventDraft draft) throws IOException {
        RecordedEvent recorded = AuditLedger.get().service().record(reference(run), draft);
        synchronized (run) {
            if (run.getAction(PromotionAuditAction.class) == null) {
                run.addAction(new PromotionAuditAction());
                run.save();
            }
        }
        return recorded;
    }

    /**
     * The run's events as the controller's ledger holds them, with every line of the run's own file
     * that the ledger does not confirm: what gates decide from.
     */
    public static LedgerEvents ledgerEvents(Run<?, ?> run) throws IOException {
        return AuditLedger.get().service().ledgerEvents(reference(run));
    }

    /** The run's chain as copied to its build directory, for display: gates use {@link #ledgerEvents}. */
    public static RunChain chain(Run<?, ?> run) throws IOException {
        return AuditLedger.get().service().runChain(reference(run));
    }

    /** The run's audit bundle: events, ledger links, the covering checkpoint, the public key. */
    public static byte[] bundle(Run<?, ?> run) throws IOException {
        return AuditLedger.get().service().bundle(reference(run));
    }

    static RunRef reference(Run<?, ?> run) {
        return new RunRef(
                run.getParent().getFullName(),
                run.getNumber(),
                run.getUrl(),
                run.getRootDir().toPath());
    }
}
