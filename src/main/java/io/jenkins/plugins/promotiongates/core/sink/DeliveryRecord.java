package io.jenkins.plugins.promotiongates.core.sink;

import java.time.Instant;

/** What a sink's sender has done since the controller started: for the ledger page and the log. */
final class DeliveryRecord {

    private long delivered;
    private long lastEntry = -1;
    private Instant lastDelivery;
    private String lastError = "";
    private Instant lastErrorTime;
    private int failuresInRow;

    synchronized void delivered(int messages, long lastEntryNumber, Instant when) {
        delivered += messages;
        lastEntry = Math.max(lastEntry, lastEntryNumber);
        lastDelivery = when;
        failuresInRow = 0;
    }

    /** Records a failure; returns how many in a row, this one included. */
    synchronized int failed(String error, Instant when) {
        lastError = error;
        lastErrorTime = when;
        return ++failuresInRow;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(delivered, lastEntry, lastDelivery, lastError, lastErrorTime, failuresInRow);
    }

    /**
     * @param delivered messages delivered since the controller started
     * @param lastEntry the highest ledger entry delivered, or -1
     * @param lastDelivery when the last batch was delivered, or {@code null}
     * @param lastError the last failure's explanation, or empty
     * @param lastErrorTime when it happened, or {@code null}
     * @param failuresInRow failed attempts since the last delivery
     */
    record Snapshot(
            long delivered,
            long lastEntry,
            Instant lastDelivery,
            String lastError,
            Instant lastErrorTime,
            int failuresInRow) {}
}
