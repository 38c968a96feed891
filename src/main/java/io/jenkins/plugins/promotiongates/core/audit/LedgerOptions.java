package io.jenkins.plugins.promotiongates.core.audit;

import java.time.Duration;

/**
 * Tuning of the ledger.
 *
 * @param segmentBytes a segment is closed and the next one started once it reaches this size
 * @param checkpointEvery sign a checkpoint after this many new entries
 * @param checkpointInterval or once the oldest entry not covered by a checkpoint is this old
 */
public record LedgerOptions(long segmentBytes, int checkpointEvery, Duration checkpointInterval) {

    public LedgerOptions {
        if (segmentBytes < 4096 || checkpointEvery < 1 || checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("Ledger options out of range: segment of at least 4096 bytes,"
                    + " checkpoint every 1 or more entries, non-negative interval.");
        }
    }

    /** 64 MiB segments, a checkpoint every 1000 entries or 60 seconds. */
    public static LedgerOptions defaults() {
        return new LedgerOptions(64L << 20, 1000, Duration.ofSeconds(60));
    }
}
