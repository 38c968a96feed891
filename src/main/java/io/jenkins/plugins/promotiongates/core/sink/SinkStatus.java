package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.time.DisplayTime;

/**
 * One sink's backlog as the ledger page shows it: every value is text, ready to display.
 *
 * @param name the sink's name
 * @param destination where it sends, without secrets
 * @param queued messages waiting in its queue on disk
 * @param waitingInLedger entries not queued yet because the sink is behind (they wait in the ledger), or "0"
 * @param oldestQueued when the oldest waiting message was recorded, or empty
 * @param lastDelivery when a batch was last delivered, or empty
 * @param delivered messages delivered since the controller started
 * @param lastError the last failure, or empty
 * @param lastErrorTime when it happened, or empty
 * @param behind why the sink is behind the ledger, or empty
 * @param failing whether the last attempt failed (until a delivery succeeds)
 */
public record SinkStatus(
        String name,
        String destination,
        String queued,
        String waitingInLedger,
        String oldestQueued,
        String lastDelivery,
        String delivered,
        String lastError,
        String lastErrorTime,
        String behind,
        boolean failing) {

    static SinkStatus of(
            String name,
            String destination,
            SinkOutbox.Backlog backlog,
            String oldestTime,
            DeliveryRecord.Snapshot record) {
        return new SinkStatus(
                name,
                destination,
                Long.toString(backlog.queued()),
                Long.toString(backlog.waitingInLedger()),
                DisplayTime.ofText(oldestTime),
                DisplayTime.of(record.lastDelivery()),
                Long.toString(record.delivered()),
                record.lastError(),
                DisplayTime.of(record.lastErrorTime()),
                backlog.behind()
                        ? backlog.behindReason() + " (since " + DisplayTime.of(backlog.behindSince()) + ")"
                        : "",
                record.failuresInRow() > 0);
    }
}
