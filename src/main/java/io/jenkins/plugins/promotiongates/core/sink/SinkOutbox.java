package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import io.jenkins.plugins.promotiongates.core.audit.LedgerLine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one sink still has to send, in ledger order: its {@link DiskQueue}, filled with each entry and
 * checkpoint as the ledger writes it. The queue is only a copy: when it is full, cannot be written,
 * or lacks messages (after a crash, or for a new sink that sends the whole ledger), the sink is
 * <em>behind</em>: new entries are left in the ledger, and the sender reads them from there
 * ({@link #catchUp}) as room frees up, in order, until the queue has caught up and follows the ledger
 * again. Recording an event never waits for this, and nothing the ledger holds is lost.
 */
final class SinkOutbox implements Closeable {

    static final String ORIGIN = "origin";

    private static final Logger LOGGER = Logger.getLogger(SinkOutbox.class.getName());

    private final String name;
    private final DiskQueue queue;
    private final Clock clock;

    // Guarded by this.
    private SinkCursor cursor;
    private boolean behind;
    private long behindThrough = -1;
    private long skippedCheckpoint;
    private Instant behindSince;
    private String behindReason = "";
    private boolean closed;
    private boolean woken;

    private SinkOutbox(String name, DiskQueue queue, SinkCursor cursor, Clock clock) {
        this.name = name;
        this.queue = queue;
        this.cursor = cursor;
        this.clock = clock;
    }

    /**
     * Opens the sink's queue in {@code directory}; a new sink starts with ledger entry {@code origin}.
     *
     * @throws IOException if the queue is in use or damaged (the message says what to do)
     */
    static SinkOutbox open(Path directory, String name, long maxBytes, long origin, Clock clock) throws IOException {
        DiskQueue queue = DiskQueue.open(directory, maxBytes, SinkMessage::wellFormed);
        try {
            byte[] last = queue.lastLine();
            SinkCursor cursor;
            if (last != null) {
                cursor = SinkCursor.after(SinkMessage.read(last, "the last line of " + directory));
            } else {
                Path file = directory.resolve(ORIGIN);
                String text = QueueFiles.read(file);
                if (text == null) {
                    QueueFiles.replace(directory, ORIGIN, origin + "\n");
                    cursor = SinkCursor.startingAt(origin);
                } else {
                    cursor = SinkCursor.startingAt(parseOrigin(text, file));
                }
            }
            return new SinkOutbox(name, queue, cursor, clock);
        } catch (IOException | RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    private static long parseOrigin(String text, Path file) throws IOException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not hold the number of the sink's first ledger entry; it was edited."
                    + " Write the number back (0 to send the whole ledger), or delete the sink's directory.");
        }
    }

    /**
     * The ledger has {@code size} entries and tells this outbox of every later one: what the queue lacks
     * before that is read from the ledger by {@link #catchUp}.
     */
    synchronized void attached(long size) {
        if (cursor.nextEntry() > size) {
            fallBehind(
                    size - 1,
                    0,
                    "the ledger has fewer entries than this sink already queued: it was replaced."
                            + " The new ledger is sent from its first entry; receivers see entries with numbers they hold");
            cursor = SinkCursor.startingAt(0);
            return;
        }
        fallBehind(size - 1, 0, "catching up with the ledger");
    }

    /** New ledger entries, consecutive: queued if the sink follows the ledger, left in the ledger otherwise. */
    synchronized void appended(List<LedgerLine> lines) {
        List<SinkMessage> fresh = new ArrayList<>();
        for (LedgerLine line : lines) {
            if (line.seq() >= cursor.nextEntry()) {
                fresh.add(SinkMessage.entry(line));
            }
        }
        if (closed || fresh.isEmpty()) {
            return;
        }
        long last = fresh.get(fresh.size() - 1).number();
        if (behind || !cursor.accepts(fresh.get(0))) {
            fallBehind(last, 0, "an entry did not follow the last one queued");
            return;
        }
        enqueue(fresh, last, 0);
    }

    /** A new checkpoint: queued if the sink follows the ledger, left in the ledger otherwise. */
    synchronized void checkpointed(Checkpoint checkpoint) {
        SinkMessage message = SinkMessage.checkpoint(checkpoint);
        if (closed || cursor.covers(message)) {
            return;
        }
        if (behind || !cursor.accepts(message)) {
            fallBehind(checkpoint.size() - 1, checkpoint.size(), "a checkpoint did not follow the last entry queued");
            return;
        }
        enqueue(List.of(message), checkpoint.size() - 1, checkpoint.size());
    }

    private void enqueue(List<SinkMessage> messages, long lastEntry, long checkpoint) {
        List<byte[]> lines = new ArrayList<>(messages.size());
        messages.forEach(message -> lines.add(message.bytes()));
        try {
            if (queue.offer(lines)) {
                cursor = SinkCursor.after(messages.get(messages.size() - 1));
                notifyAll();
            } else {
                fallBehind(lastEntry, checkpoint, "the queue is full (" + (queue.maxBytes() >> 20) + " MiB)");
            }
        } catch (IOException | RuntimeException e) {
            fallBehind(lastEntry, checkpoint, "the queue cannot be written (" + e.getMessage() + ")");
        }
    }

    private void fallBehind(long throughEntry, long checkpoint, String reason) {
        if (!behind) {
            behind = true;
            behindSince = clock.instant();
            behindReason = reason;
            if (!reason.startsWith("catching up")) {
                LOGGER.log(
                        Level.WARNING,
                        "Promotion Gates sink {0}: {1}; new ledger entries wait in the ledger and are queued as room"
                                + " frees up (nothing is lost)",
                        new Object[] {name, reason});
            }
        }
        behindThrough = Math.max(behindThrough, throughEntry);
        skippedCheckpoint = Math.max(skippedCheckpoint, checkpoint);
        notifyAll();
    }

    /**
     * While behind: queues, from the ledger, the messages the queue lacks, as far as it has room, and
     * follows the ledger again once nothing is missing. For the sender's thread; reads the ledger
     * without holding any lock that recording needs.
     *
     * @return whether anything was queued
     */
    boolean catchUp(LedgerSource ledger) throws IOException {
        SinkCursor from;
        long through;
        long room;
        synchronized (this) {
            if (!behind || closed) {
                return false;
            }
            from = cursor;
            through = behindThrough;
            room = queue.freeBytes();
        }
        if (room < Math.max(DiskQueue.MAX_LINE, queue.maxBytes() / 4) && from.nextEntry() <= through) {
            return false; // wait for deliveries to make room, then read a large piece of the ledger at once
        }
        List<SinkMessage> messages = CatchUp.read(ledger, from, through, room);
        synchronized (this) {
            if (closed || !cursor.equals(from)) {
                return false;
            }
            List<byte[]> lines = new ArrayList<>(messages.size());
            messages.forEach(message -> lines.add(message.bytes()));
            if (!messages.isEmpty() && !queue.offer(lines)) {
                return false;
            }
            if (!messages.isEmpty()) {
                cursor = SinkCursor.after(messages.get(messages.size() - 1));
            }
            if (cursor.nextEntry() > behindThrough && cursor.checkpointsThrough() >= skippedCheckpoint) {
                behind = false;
                behindSince = null;
                behindReason = "";
            }
            notifyAll();
            return !messages.isEmpty();
        }
    }

    /** Makes the queued messages durable; for the sender's thread, before it reads them. */
    void sync() throws IOException {
        queue.sync();
    }

    /** The oldest undelivered messages, as {@link DiskQueue#peek} reads them. */
    QueueBatch peek(int maxMessages, long maxBytes) throws IOException {
        return queue.peek(maxMessages, maxBytes);
    }

    boolean acknowledge(QueueBatch batch) throws IOException {
        return queue.acknowledge(batch);
    }

    /** Waits until there may be something to do (a message queued, or entries to catch up), at most {@code millis}. */
    synchronized void awaitWork(long millis) throws InterruptedException {
        if (!closed && !woken && queue.queuedCount() == 0 && !behind && millis > 0) {
            wait(millis);
        }
        woken = false;
    }

    /** Wakes a sender waiting in {@link #awaitWork}. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** The backlog, for the ledger page. */
    synchronized Backlog backlog() {
        long waiting = behind ? Math.max(0, behindThrough - cursor.nextEntry() + 1) : 0;
        return new Backlog(queue.queuedCount(), queue.queuedBytes(), waiting, behind, behindSince, behindReason);
    }

    /**
     * What waits to be sent.
     *
     * @param queued messages in the queue
     * @param queuedBytes their size on disk
     * @param waitingInLedger entries left in the ledger while the sink is behind
     * @param behind whether the sink is behind the ledger
     * @param behindSince since when, or {@code null}
     * @param behindReason why it fell behind, or empty
     */
    record Backlog(
            long queued,
            long queuedBytes,
            long waitingInLedger,
            boolean behind,
            Instant behindSince,
            String behindReason) {}

    /** The oldest undelivered message's time, or empty. */
    String oldestTime() throws IOException {
        QueueBatch head = queue.peek(1, 1);
        return head.isEmpty()
                ? ""
                : SinkMessage.read(head.lines().get(0), "the head of " + queue.directory())
                        .time();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        notifyAll();
        queue.close();
    }
}
