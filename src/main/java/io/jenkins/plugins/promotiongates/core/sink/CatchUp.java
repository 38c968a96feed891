package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads from the ledger the messages a sink's queue lacks after a cursor: the entries up to a given
 * one, each signed checkpoint placed right after the last entry it covers, as many as fit in a number
 * of bytes.
 */
final class CatchUp {

    private final Deque<SinkMessage> checkpoints = new ArrayDeque<>();
    private final List<SinkMessage> messages = new ArrayList<>();
    private final long room;
    private SinkCursor cursor;
    private long bytes;

    private CatchUp(SinkCursor from, long room) {
        this.cursor = from;
        this.room = room;
    }

    /** The messages after {@code from}, entries up to {@code through}, in at most {@code room} bytes (newlines counted). */
    static List<SinkMessage> read(LedgerSource ledger, SinkCursor from, long through, long room) throws IOException {
        CatchUp catchUp = new CatchUp(from, room);
        for (Checkpoint checkpoint : ledger.checkpoints()) {
            if (checkpoint.size() > from.checkpointsThrough()) {
                catchUp.checkpoints.add(SinkMessage.checkpoint(checkpoint));
            }
        }
        try {
            ledger.scan(from.nextEntry(), line -> {
                if (line.seq() > through) {
                    return false;
                }
                if (line.seq() != catchUp.cursor.nextEntry()) {
                    throw new UncheckedIOException(new IOException("the ledger skips from entry "
                            + catchUp.cursor.nextEntry() + " to " + line.seq()
                            + "; verify the ledger (\"Verify now\" on its page)"));
                }
                return catchUp.checkpointsUpTo(line.seq()) && catchUp.add(SinkMessage.entry(line));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (catchUp.cursor.nextEntry() > through) {
            catchUp.checkpointsUpTo(catchUp.cursor.nextEntry());
        }
        return catchUp.messages;
    }

    /** Adds the checkpoints of size {@code upTo} or less that belong here; false when out of room. */
    private boolean checkpointsUpTo(long upTo) {
        while (!checkpoints.isEmpty() && checkpoints.peek().number() <= upTo) {
            SinkMessage checkpoint = checkpoints.peek();
            if (cursor.accepts(checkpoint) && !add(checkpoint)) {
                return false;
            }
            checkpoints.poll();
        }
        return true;
    }

    private boolean add(SinkMessage message) {
        if (bytes + message.bytes().length + 1 > room) {
            return false;
        }
        messages.add(message);
        bytes += message.bytes().length + 1;
        cursor = SinkCursor.after(message);
        return true;
    }
}
