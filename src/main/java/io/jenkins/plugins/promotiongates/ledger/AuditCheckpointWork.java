package io.jenkins.plugins.promotiongates.ledger;

import hudson.Extension;
import hudson.model.PeriodicWork;

/** Signs a checkpoint when one is due (every 1,000 entries or 60 seconds of activity). */
@Extension
public final class AuditCheckpointWork extends PeriodicWork {

    @Override
    public long getRecurrencePeriod() {
        return 10_000;
    }

    @Override
    protected void doRun() throws Exception {
        AuditLedger ledger = AuditLedger.get();
        if (ledger.isOpen()) {
            ledger.service().checkpointIfDue();
        }
    }
}
