package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.LedgerLine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A bounded first-in first-out queue of lines on disk, in one directory: append-only segments
 * {@code queue-<n>.jsonl} and the position of the first undelivered line in {@code delivered}.
 * {@link #offer} only writes (it runs while the ledger's lock is held, and the ledger, synced first,
 * holds every line anyway); the consumer syncs what was written with {@link #sync}, and records its
 * position atomically, each at most once a second ({@link #CURSOR_INTERVAL_NANOS}) and when the queue
 * closes. A crash can therefore lose the lines written since the last sync, and leave a torn
 * or zeroed tail, which {@link #open} cuts off at the first line that is not a message (the sink then
 * reads what is missing from the ledger), and deliver again the lines of the last second. One process
 * at a time: {@code lock} is held while open.
 *
 * <p>{@link #offer} (any thread) and {@link #sync}/{@link #peek}/{@link #acknowledge} (one consumer)
 * may run together: the consumer reads without the lock, only bytes that were complete when it looked.
 */
final class DiskQueue implements Closeable {

    static final String DELIVERED = "delivered";

    /** Lines are synced, and the delivered position written, at most this often (and when the queue closes). */
    static final long CURSOR_INTERVAL_NANOS = 1_000_000_000L;

    static final String LOCK = "lock";

    /** The longest line the queue holds: a ledger line, newline included. */
    static final int MAX_LINE = LedgerLine.MAX_BYTES;

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TreeMap<Long, Path> segments;

    // Guarded by this.
    private FileChannel active;
    private long activeNumber = -1;
    private long activeSize;
    private QueuePosition cursor;
    private QueuePosition persisted;
    private long persistedAt = System.nanoTime();
    private boolean unsynced;
    private long syncedAt = System.nanoTime() - CURSOR_INTERVAL_NANOS;
    private long queuedBytes;
    private long queuedCount;
    private byte[] lastLine;
    private String broken;

    private DiskQueue(Path directory, long maxBytes, FileChannel lockChannel, FileLock lock) throws IOException {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.max(64 << 10, Math.min(16L << 20, maxBytes / 8));
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.segments = QueueFiles.segments(directory);
    }

    /**
     * Opens (creating if needed) the queue in {@code directory}, holding at most {@code maxBytes} of
     * undelivered lines.
     *
     * @throws IOException if another process or another open queue holds the directory, or it cannot be read
     */
    static DiskQueue open(Path directory, long maxBytes) throws IOException {
        return open(directory, maxBytes, line -> true);
    }

    /**
     * Opens (creating if needed) the queue in {@code directory}, holding at most {@code maxBytes} of
     * undelivered lines, cut at the first undelivered line that {@code valid} refuses.
     *
     * @throws IOException if another process or another open queue holds the directory, or it cannot be read
     */
    static DiskQueue open(Path directory, long maxBytes, Predicate<byte[]> valid) throws IOException {
        if (maxBytes < 2L * MAX_LINE) {
            throw new IllegalArgumentException("A sink's queue must hold at least " + 2 * MAX_LINE + " bytes");
        }
        Files.createDirectories(directory);
        FileChannel lockChannel =
                FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("The sink queue " + directory + " is in use by another Jenkins process (or by a"
                    + " Jenkins that has not finished stopping). Stop the other one; two controllers must not share"
                    + " a JENKINS_HOME.");
        }
        DiskQueue queue = new DiskQueue(directory, maxBytes, lockChannel, lock);
        try {
            queue.recover(valid);
        } catch (IOException | RuntimeException e) {
            queue.close();
            throw e;
        }
        return queue;
    }

    /** Takes over what {@link QueueRecovery} found, and opens the last segment for appending. */
    private synchronized void recover(Predicate<byte[]> valid) throws IOException {
        QueueRecovery found = QueueRecovery.of(directory, segments, valid);
        cursor = found.cursor();
        persisted = cursor;
        queuedCount = found.queuedCount();
        queuedBytes = found.queuedBytes();
        lastLine = found.lastLine();
        if (!segments.isEmpty()) {
            activeNumber = segments.lastKey();
            active = FileChannel.open(segments.get(activeNumber), StandardOpenOption.WRITE);
            activeSize = active.size();
            active.position(activeSize);
        }
    }

    /**
     * Appends {@code lines} (each without a newline) and syncs them, all or none.
     *
     * @return false, writing nothing, if they do not fit in the bound
     * @throws IOException if writing failed (nothing is left half-written, or the queue refuses every
     *     later offer until reopened)
     */
    synchronized boolean offer(List<byte[]> lines) throws IOException {
        if (broken != null) {
            throw new IOException(broken);
        }
        if (lines.isEmpty()) {
            return true;
        }
        long added = 0;
        for (byte[] line : lines) {
            if (line.length + 1 > MAX_LINE) {
                throw new IllegalArgumentException("a queued line is longer than " + MAX_LINE + " bytes");
            }
            added += line.length + 1;
        }
        if (queuedBytes + added > maxBytes) {
            return false;
        }
        if (active == null || activeSize >= segmentBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) added);
        lines.forEach(line -> buffer.put(line).put((byte) '\n'));
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                active.write(buffer);
            }
        } catch (IOException e) {
            try {
                active.truncate(activeSize);
            } catch (IOException again) {
                broken = "The sink queue " + directory + " could not be written (" + e.getMessage()
                        + ") nor cut back; it accepts nothing until Jenkins restarts. Free disk space or fix the"
                        + " permissions: nothing is lost, the ledger holds every entry.";
            }
            throw e;
        }
        activeSize += added;
        queuedBytes += added;
        queuedCount += lines.size();
        lastLine = lines.get(lines.size() - 1);
        unsynced = true;
        return true;
    }

    /**
     * Makes what was offered durable (fsync), at most once a second; for the consumer, outside any lock
     * recording needs.
     */
    void sync() throws IOException {
        FileChannel channel;
        synchronized (this) {
            if (!unsynced || active == null || System.nanoTime() - syncedAt < CURSOR_INTERVAL_NANOS) {
                return;
            }
            channel = active;
            unsynced = false;
            syncedAt = System.nanoTime();
        }
        try {
            channel.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // rotated meanwhile: rotation synced the segment before closing it
        }
    }

    private void rotate() throws IOException {
        long number = activeNumber + 1;
        Path file = QueueFiles.createSegment(directory, number);
        if (active != null) {
            active.force(false);
            active.close();
        }
        segments.put(number, file);
        active = FileChannel.open(file, StandardOpenOption.WRITE);
        activeNumber = number;
        activeSize = 0;
        if (queuedCount == 0) {
            cursor = new QueuePosition(number, 0);
        }
    }

    /**
     * The oldest undelivered lines: at most {@code maxLines}, and at most {@code maxBytes} unless the
     * first line alone is longer. Empty when everything is delivered. For the one consumer.
     */
    QueueBatch peek(int maxLines, long maxBytes) throws IOException {
        QueuePosition from;
        QueuePosition end;
        TreeMap<Long, Path> files;
        synchronized (this) {
            from = cursor;
            end = active == null ? cursor : new QueuePosition(activeNumber, activeSize);
            files = new TreeMap<>(segments.subMap(from.segment(), true, end.segment(), true));
        }
        List<byte[]> lines = new ArrayList<>();
        long bytes = 0;
        QueuePosition position = from;
        for (Map.Entry<Long, Path> segment : files.entrySet()) {
            long number = segment.getKey();
            long offset = number == from.segment() ? from.offset() : 0;
            long limit = number == end.segment() ? end.offset() : Files.size(segment.getValue());
            position = new QueuePosition(number, offset);
            while (offset < limit && lines.size() < maxLines && (lines.isEmpty() || bytes < maxBytes)) {
                long remaining = Math.max(0, maxBytes - bytes);
                long want =
                        remaining >= limit - offset ? limit - offset : Math.min(limit - offset, remaining + MAX_LINE);
                List<byte[]> read = LineScan.lines(segment.getValue(), offset, want);
                if (read.isEmpty()) {
                    throw new IOException(segment.getValue() + " at byte " + offset + " holds a line longer than "
                            + MAX_LINE + " bytes: the sink's queue was damaged. Stop Jenkins and move the sink's"
                            + " directory aside; the sink then starts over from the ledger.");
                }
                for (byte[] line : read) {
                    if (!lines.isEmpty() && (lines.size() >= maxLines || bytes + line.length + 1 > maxBytes)) {
                        return new QueueBatch(lines, from, position, bytes);
                    }
                    lines.add(line);
                    bytes += line.length + 1;
                    offset += line.length + 1;
                    position = new QueuePosition(number, offset);
                }
            }
            if (lines.size() >= maxLines || !lines.isEmpty() && bytes >= maxBytes) {
                break;
            }
        }
        return new QueueBatch(lines, from, position, bytes);
    }

    /**
     * Marks {@code batch} delivered: records the new position durably and deletes segments that hold
     * nothing undelivered any more.
     *
     * @return false if the batch no longer starts at the head (another consumer acknowledged it)
     */
    synchronized boolean acknowledge(QueueBatch batch) throws IOException {
        if (batch.isEmpty() || !batch.from().equals(cursor)) {
            return false;
        }
        QueuePosition next = batch.end();
        Long following = segments.higherKey(next.segment());
        while (following != null && next.offset() >= sizeOf(next.segment())) {
            next = new QueuePosition(following, 0);
            following = segments.higherKey(following);
        }
        cursor = next;
        queuedBytes -= batch.bytes();
        queuedCount -= batch.lines().size();
        if (System.nanoTime() - persistedAt >= CURSOR_INTERVAL_NANOS) {
            persistCursor();
        }
        return true;
    }

    /** Writes the delivered position, then deletes the segments before it. */
    private void persistCursor() throws IOException {
        if (cursor.equals(persisted)) {
            return;
        }
        QueueFiles.replace(directory, DELIVERED, cursor.toText());
        persisted = cursor;
        persistedAt = System.nanoTime();
        for (Path done :
                new ArrayList<>(QueueFiles.before(segments, cursor.segment()).values())) {
            Files.deleteIfExists(done);
        }
        segments.headMap(cursor.segment(), false).clear();
    }

    private long sizeOf(long segment) throws IOException {
        if (segment == activeNumber) {
            return activeSize;
        }
        Path file = segments.get(segment);
        return file == null ? 0 : Files.size(file);
    }

    /** The last line ever offered (delivered or not), or {@code null} if the queue has never held one. */
    synchronized byte[] lastLine() {
        return lastLine;
    }

    synchronized long queuedCount() {
        return queuedCount;
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** How many more bytes {@link #offer} accepts now. */
    synchronized long freeBytes() {
        return maxBytes - queuedBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (active != null) {
                persistCursor();
                active.force(false);
                active.close();
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }
}
