package io.jenkins.plugins.promotiongates.core.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller-wide append-only chain of every event of every run, as JSON Lines segments under
 * one root directory. {@link #append} returns only once the entry is on disk (fsync); appenders
 * that arrive while a write is in progress are written and synced together by the next one (group
 * commit) and get consecutive sequence numbers.
 */
public final class Ledger implements Closeable {

    private static final Logger LOGGER = Logger.getLogger(Ledger.class.getName());

    private final Path root;
    private final LedgerOptions options;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final List<TornTail> tornTails;
    private final Map<RunKey, Long> tailRuns;
    private final long tailStart;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object queueLock = new Object();
    private List<Pending> queue = new ArrayList<>();

    // Guarded by writeLock.
    private final List<String> problems;
    private FileChannel channel;
    private long segmentSize;
    private long nextSeq;
    private String head;
    private Checkpoint lastCheckpoint;
    private Instant oldestUncovered;
    private LedgerObserver observer;

    /**
     * Work on an entry that must be done once the entry is durable and before any later entry is
     * written: copying it to its run file. A crash can then leave only the entries of the batch being
     * written without their copy, and those are the last entries of the last segment, which opening
     * the ledger indexes ({@link #tailRuns}) so that their copies are completed.
     */
    @FunctionalInterface
    interface AfterWrite {
        void accept(LedgerLine line) throws IOException;

        AfterWrite NOTHING = line -> {};
    }

    private static final class Pending {
        final AuditEvent event;
        final AfterWrite afterWrite;
        LedgerLine line;
        IOException failure;
        Exception afterWriteFailure;
        boolean done;

        Pending(AuditEvent event, AfterWrite afterWrite) {
            this.event = event;
            this.afterWrite = afterWrite;
        }
    }

    private Ledger(Path root, LedgerOptions options, CheckpointSigner signer, Clock clock, LedgerRecovery.State state)
            throws IOException {
        this.root = root;
        this.options = options;
        this.signer = signer;
        this.clock = clock;
        this.tornTails = List.copyOf(state.tornTails());
        this.tailRuns = Map.copyOf(state.tailRuns());
        this.tailStart = state.tailStart();
        this.problems = new ArrayList<>(state.problems());
        this.nextSeq = state.nextSeq();
        this.head = state.head();
        List<Checkpoint> checkpoints = state.checkpoints();
        this.lastCheckpoint = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        long covered = lastCheckpoint == null ? 0 : lastCheckpoint.size();
        this.oldestUncovered = nextSeq > covered ? clock.instant() : null;
        this.channel = FileChannel.open(state.segment().path(), StandardOpenOption.WRITE);
        this.segmentSize = channel.size();
        channel.position(segmentSize);
    }

    /**
     * Opens (creating if needed) the ledger under {@code root}: moves torn final lines aside and
     * checks the last segment and checkpoint; any other inconsistency is kept in {@link
     * LedgerStatus#problems()} and makes {@link #append} refuse.
     */
    public static Ledger open(Path root, KeyPair key, LedgerOptions options, Clock clock) throws IOException {
        CheckpointSigner signer = new CheckpointSigner(key);
        return new Ledger(root, options, signer, clock, LedgerRecovery.open(root, signer.publicKey()));
    }

    /** Appends {@code event} durably and returns its ledger line. */
    LedgerLine append(AuditEvent event) throws IOException {
        return append(event, AfterWrite.NOTHING);
    }

    /**
     * Appends {@code event} durably, runs {@code afterWrite} on its line before any later entry is
     * written, and returns the line. If {@code afterWrite} fails, the entry is durable all the same
     * and its failure is thrown here.
     */
    LedgerLine append(AuditEvent event, AfterWrite afterWrite) throws IOException {
        Pending pending = new Pending(event, afterWrite);
        synchronized (queueLock) {
            queue.add(pending);
        }
        writeLock.lock();
        try {
            if (!pending.done) {
                List<Pending> batch;
                synchronized (queueLock) {
                    batch = queue;
                    queue = new ArrayList<>();
                }
                write(batch);
            }
        } finally {
            writeLock.unlock();
        }
        if (pending.failure instanceof LedgerRefusedException refused) {
            throw refused;
        }
        if (pending.failure != null) {
            throw new IOException(pending.failure.getMessage(), pending.failure);
        }
        if (pending.afterWriteFailure instanceof IOException e) {
            throw e;
        }
        if (pending.afterWriteFailure instanceof RuntimeException e) {
            throw e;
        }
        return pending.line;
    }

    private void write(List<Pending> batch) {
        try {
            if (!problems.isEmpty()) {
                throw new LedgerRefusedException(root, problems);
            }
            if (segmentSize >= options.segmentBytes()) {
                rotate();
            }
            List<LedgerLine> lines = new ArrayList<>(batch.size());
            int bytes = 0;
            long seq = nextSeq;
            String prev = head;
            for (Pending pending : batch) {
                LedgerLine line = LedgerLine.encode(seq++, prev, pending.event);
                prev = line.link().hash();
                lines.add(line);
                bytes += line.bytes().length + 1;
            }
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            lines.forEach(line -> buffer.put(line.bytes()).put((byte) '\n'));
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            segmentSize += bytes;
            nextSeq = seq;
            head = prev;
            if (oldestUncovered == null) {
                oldestUncovered = clock.instant();
            }
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                pending.line = lines.get(i);
                try {
                    pending.afterWrite.accept(pending.line);
                } catch (IOException | RuntimeException e) {
                    pending.afterWriteFailure = e;
                }
            }
            tell(o -> o.appended(List.copyOf(lines)));
            checkpointIfDueLocked();
        } catch (IOException e) {
            if (!(e instanceof LedgerRefusedException)) {
                problems.add("writing to " + root + " failed (" + e.getMessage() + "); a partial line may be on disk."
                        + " Fix the cause (disk full? permissions?) and restart: the torn line is then moved aside");
            }
            batch.forEach(pending -> pending.failure = e);
        } finally {
            batch.forEach(pending -> pending.done = true);
        }
    }

    private void rotate() throws IOException {
        Path next = SegmentFiles.createDurably(root, SegmentFiles.name(nextSeq));
        channel.close();
        channel = FileChannel.open(next, StandardOpenOption.WRITE);
        segmentSize = 0;
    }

    /** Signs a checkpoint if N entries or T seconds have passed since the last one; call it periodically. */
    public Optional<Checkpoint> checkpointIfDue() throws IOException {
        writeLock.lock();
        try {
            return checkpointIfDueLocked();
        } finally {
            writeLock.unlock();
        }
    }

    private Optional<Checkpoint> checkpointIfDueLocked() throws IOException {
        long covered = lastCheckpoint == null ? 0 : lastCheckpoint.size();
        boolean due = nextSeq - covered >= options.checkpointEvery()
                || oldestUncovered != null
                        && !clock.instant().isBefore(oldestUncovered.plus(options.checkpointInterval()));
        return due && nextSeq > covered ? Optional.of(checkpointLocked()) : Optional.empty();
    }

    /** A checkpoint covering every entry written so far (the latest one if it already does). */
    public Checkpoint checkpointNow() throws IOException {
        writeLock.lock();
        try {
            if (nextSeq == 0) {
                throw new IOException("The audit ledger " + root + " is empty: there is nothing to checkpoint yet.");
            }
            if (lastCheckpoint != null && lastCheckpoint.size() == nextSeq) {
                return lastCheckpoint;
            }
            return checkpointLocked();
        } finally {
            writeLock.unlock();
        }
    }

    private Checkpoint checkpointLocked() throws IOException {
        if (!problems.isEmpty()) {
            throw new LedgerRefusedException(root, problems);
        }
        Checkpoint checkpoint = signer.sign(nextSeq, head, AuditEvent.TIME.format(clock.instant()));
        CheckpointLog.append(root, checkpoint);
        lastCheckpoint = checkpoint;
        oldestUncovered = null;
        tell(o -> o.checkpointed(checkpoint));
        return checkpoint;
    }

    /**
     * Makes {@code observer} the one that is told of every entry and checkpoint from now on (replacing
     * any other), and tells it, under the same lock, from which entry on.
     */
    void observe(LedgerObserver observer) {
        writeLock.lock();
        try {
            this.observer = observer;
            tell(o -> o.attached(nextSeq));
        } finally {
            writeLock.unlock();
        }
    }

    /** Calls the observer, if any, with the write lock held; what it throws never reaches the appender. */
    private void tell(Consumer<LedgerObserver> call) {
        if (observer != null) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                // An observer's failure must not fail or undo an entry that is already durable.
                LOGGER.log(Level.WARNING, "A ledger observer failed; the ledger entry is recorded all the same", e);
            }
        }
    }

    public LedgerStatus status() throws IOException {
        writeLock.lock();
        try {
            long bytes = 0;
            List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
            for (SegmentFiles.Segment segment : segments) {
                bytes += Files.size(segment.path());
            }
            return new LedgerStatus(
                    root,
                    nextSeq,
                    head,
                    segments.size(),
                    bytes,
                    Optional.ofNullable(lastCheckpoint),
                    PublicKeys.toPem(signer.publicKey()),
                    PublicKeys.toOpenSsh(signer.publicKey()),
                    PublicKeys.fingerprint(signer.publicKey()),
                    tornTails,
                    List.copyOf(problems));
        } finally {
            writeLock.unlock();
        }
    }

    public Path root() {
        return root;
    }

    CheckpointSigner signer() {
        return signer;
    }

    /** The sequence number of the last entry of {@code run} in the last segment at open, if any. */
    Optional<Long> tailEntryOf(RunKey run) {
        return Optional.ofNullable(tailRuns.get(run));
    }

    /** Runs with recent entries at open. */
    java.util.Set<RunKey> tailRuns() {
        return tailRuns.keySet();
    }

    /** The first entry indexed for {@link #tailEntryOf} when the ledger was opened. */
    long tailStart() {
        return tailStart;
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            channel.close();
        } finally {
            writeLock.unlock();
        }
    }
}
