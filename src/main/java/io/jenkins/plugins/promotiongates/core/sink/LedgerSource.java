package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import io.jenkins.plugins.promotiongates.core.audit.LedgerLine;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/** Where a sink that fell behind reads what its queue lacks: the ledger on disk. */
interface LedgerSource {

    /** Passes the ledger's lines from entry {@code from} on until {@code consumer} returns false. */
    void scan(long from, Predicate<LedgerLine> consumer) throws IOException;

    /** Every signed checkpoint, oldest first. */
    List<Checkpoint> checkpoints() throws IOException;

    static LedgerSource of(AuditService service) {
        return new LedgerSource() {
            @Override
            public void scan(long from, Predicate<LedgerLine> consumer) throws IOException {
                service.scan(from, consumer);
            }

            @Override
            public List<Checkpoint> checkpoints() throws IOException {
                return service.checkpoints();
            }
        };
    }
}
