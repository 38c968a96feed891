package io.jenkins.plugins.promotiongates.core.audit;

import java.util.List;

/**
 * Told of every ledger entry and checkpoint once it is durable, in ledger order: how copies of the
 * ledger leave the controller (the sinks). Every method is called with the ledger's write lock held,
 * so it must be quick and must not call back into the ledger; whatever it throws is ignored, so that
 * an observer can never fail or undo a recorded event.
 */
public interface LedgerObserver {

    /**
     * The observer is attached: entries {@code size} and later (and the checkpoints signed from now on)
     * will be passed to it; earlier ones are on disk, to be read with {@link AuditService#scan}.
     */
    void attached(long size);

    /** Entries just written and synced, in sequence order, consecutive. */
    void appended(List<LedgerLine> lines);

    /** A checkpoint just signed and synced; it covers every entry passed so far. */
    void checkpointed(Checkpoint checkpoint);
}
