package io.jenkins.plugins.promotiongates.core.sink;

/**
 * How far a sink's queue has been filled, in ledger terms. A sink's messages follow the ledger: each
 * checkpoint of size {@code S} comes right after entry {@code S - 1}, before entry {@code S}.
 *
 * @param nextEntry the ledger entry to queue next
 * @param checkpointsThrough every checkpoint of this size or less is queued (or precedes the sink)
 */
record SinkCursor(long nextEntry, long checkpointsThrough) {

    /** A sink that starts with ledger entry {@code origin}: checkpoints covering only earlier entries are not sent. */
    static SinkCursor startingAt(long origin) {
        return new SinkCursor(origin, origin);
    }

    /** The cursor after the last message queued. */
    static SinkCursor after(SinkMessage last) {
        return last.kind() == SinkMessage.Kind.ENTRY
                ? new SinkCursor(last.number() + 1, last.number())
                : new SinkCursor(last.number(), last.number());
    }

    /** Whether {@code message} is the next one this cursor expects (a checkpoint: any not yet queued that covers no later entry). */
    boolean accepts(SinkMessage message) {
        return message.kind() == SinkMessage.Kind.ENTRY
                ? message.number() == nextEntry
                : message.number() > checkpointsThrough && message.number() <= nextEntry;
    }

    /** Whether {@code message} is queued already (or precedes the sink). */
    boolean covers(SinkMessage message) {
        return message.kind() == SinkMessage.Kind.ENTRY
                ? message.number() < nextEntry
                : message.number() <= checkpointsThrough;
    }
}
