package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies a whole ledger directory, read-only: every line (canonical form, event hash, link hash),
 * the chain across segments, every run's chain inside the ledger, and every checkpoint (head and
 * Ed25519 signature). Stops at the first broken link and names it.
 *
 * <p>Segments are checked in parallel, one per available processor ({@link SegmentCheck}: each
 * line on its own and the links inside the segment); this thread then walks the results in ledger
 * order and checks what needs that order: the link from each segment to the one before, the run
 * chains and the checkpoints. A problem a segment check found is reported after the lines before
 * it have passed that walk, so the first broken link is named exactly as a sequential reading
 * would name it.
 */
public final class LedgerVerifier {

    private static final int HASH = 32;

    private final Path root;
    private final PublicKey key;
    private final int threads;
    private final MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();
    private final Map<RunKeyBytes, RunHead> runHeads = new HashMap<>();
    private final ExecutorService signatureChecks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-checkpoint-signatures");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService segmentChecks;
    private final List<Future<Boolean>> signatures = new ArrayList<>();
    private List<Checkpoint> checkpoints;
    private int nextCheckpoint;
    private long expectedSeq;
    private final byte[] head = new byte[HASH];

    private LedgerVerifier(Path root, PublicKey key, int threads) {
        this.root = root;
        this.key = key;
        this.threads = threads;
        this.segmentChecks = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "audit-segment-check");
            thread.setDaemon(true);
            return thread;
        });
        Sha256.raw(LedgerLink.GENESIS.getBytes(StandardCharsets.US_ASCII), 0, head, 0);
    }

    /** The last event seen of one run. */
    private static final class RunHead {
        long seq;
        final byte[] hash = new byte[HASH];
    }

    /** A broken link: where and why. */
    static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message, null);
        }
    }

    /** Segment-checking threads by default: one per available processor, at most this many. */
    static final int MAX_DEFAULT_THREADS = 4;

    /** Verifies with one segment-checking thread per available processor, at most {@value #MAX_DEFAULT_THREADS}. */
    public static LedgerVerification verify(Path root, PublicKey key) throws IOException {
        return verify(root, key, Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_THREADS));
    }

    /**
     * Verifies with {@code threads} segment-checking threads (1: one segment after the other, while
     * this thread walks the results). Each segment being checked or waiting to be walked holds about
     * 120 bytes per line (15 MB for a 64 MiB segment); at most {@code threads + 1} do.
     */
    public static LedgerVerification verify(Path root, PublicKey key, int threads) throws IOException {
        LedgerVerifier verifier = new LedgerVerifier(root, key, Math.max(1, threads));
        try {
            return verifier.run();
        } finally {
            verifier.signatureChecks.shutdownNow();
            verifier.segmentChecks.shutdownNow();
        }
    }

    private LedgerVerification run() throws IOException {
        List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
        Deque<Future<SegmentCheck>> pending = new ArrayDeque<>();
        int submitted = 0;
        // At most threads + 1 segments are being checked or wait to be walked: this bounds the memory they take.
        for (; submitted < Math.min(segments.size(), threads + 1); submitted++) {
            pending.add(segmentChecks.submit(new SegmentCheck(segments.get(submitted))));
        }
        int checked = 0;
        try {
            CheckpointLog.Contents contents = CheckpointLog.read(root);
            checkpoints = contents.checkpoints();
            Path checkpointFile = root.resolve(CheckpointLog.NAME);
            if (Files.exists(checkpointFile) && contents.end() != Files.size(checkpointFile)) {
                throw new Broken(checkpointFile + " ends with an incomplete line (torn tail)");
            }
            if (segments.isEmpty()) {
                throw new Broken("no ledger segments (ledger-*.jsonl) under " + root);
            }
            for (SegmentFiles.Segment segment : segments) {
                if (segment.firstSeq() != expectedSeq) {
                    throw new Broken(segment.path() + " starts at entry " + segment.firstSeq() + " but entry "
                            + expectedSeq + " was expected: a segment is missing, or was renamed");
                }
                SegmentCheck check = result(pending.remove());
                if (submitted < segments.size()) {
                    pending.add(segmentChecks.submit(new SegmentCheck(segments.get(submitted++))));
                }
                walk(check);
            }
            if (nextCheckpoint < checkpoints.size()) {
                Checkpoint beyond = checkpoints.get(nextCheckpoint);
                throw new Broken("checkpoint of " + beyond.time() + " covers " + beyond.size()
                        + " entries but the ledger ends after " + expectedSeq + ": entries were removed from the end");
            }
            checkSignatures();
            checked = nextCheckpoint;
        } catch (Broken | JsonFormatException e) {
            return new LedgerVerification(
                    expectedSeq, segments.size(), runHeads.size(), nextCheckpoint, Optional.of(e.getMessage()));
        }
        return new LedgerVerification(expectedSeq, segments.size(), runHeads.size(), checked, Optional.empty());
    }

    private static SegmentCheck result(Future<SegmentCheck> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while verifying the ledger");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The in-order checks of one segment's lines, then the problem its own check found, if any. */
    private void walk(SegmentCheck segment) throws IOException {
        if (segment.lines > 0 && !Sha256.same(segment.firstPrev, 0, head, 0, HASH)) {
            throw new Broken(segment.name + " at byte " + segment.offsets[0] + ": entry " + expectedSeq
                    + " does not link to the entry before it: an entry was removed, inserted, replaced or reordered");
        }
        RunHead[] heads = new RunHead[segment.runKeys.size()];
        boolean[] looked = new boolean[heads.length];
        for (int line = 0; line < segment.lines; line++) {
            int run = segment.runs[line];
            if (!looked[run]) {
                heads[run] = runHeads.get(segment.runKeys.get(run));
                looked[run] = true;
            }
            checkRun(segment, line, run, heads);
            expectedSeq++;
            checkCheckpoints(segment, line);
        }
        if (segment.problem != null) {
            throw segment.problem;
        }
        if (segment.lines > 0) {
            System.arraycopy(segment.linkHashes, (segment.lines - 1) * HASH, head, 0, HASH);
        }
    }

    private void checkRun(SegmentCheck segment, int line, int run, RunHead[] heads) throws Broken {
        RunHead runHead = heads[run];
        RunKeyBytes runKey = segment.runKeys.get(run);
        long runSeq = segment.runSeqs[line];
        long expected = runHead == null ? 1 : runHead.seq + 1;
        boolean links = runSeq == expected
                && Sha256.same(
                        runHead == null ? runKey.genesis(digest) : runHead.hash,
                        0,
                        segment.runPrevs,
                        line * HASH,
                        HASH);
        if (!links) {
            throw new Broken(segment.name + " at byte " + segment.offsets[line] + ": run " + runKey.toRunKey() + ": "
                    + RunChain.chainProblem(expected, runSeq, links));
        }
        if (runHead == null) {
            runHead = new RunHead();
            runHeads.put(runKey, runHead);
            heads[run] = runHead;
        }
        runHead.seq = runSeq;
        System.arraycopy(segment.eventHashes, line * HASH, runHead.hash, 0, HASH);
    }

    /** Signatures are checked on a second thread while the lines are read; their results are collected here. */
    private void checkSignatures() throws Broken {
        for (int i = 0; i < signatures.size(); i++) {
            boolean valid;
            try {
                valid = signatures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Broken("interrupted while checking checkpoint signatures");
            } catch (ExecutionException e) {
                valid = false;
            }
            if (!valid) {
                Checkpoint checkpoint = checkpoints.get(i);
                throw new Broken("checkpoint of " + checkpoint.time() + " (" + checkpoint.size()
                        + " entries) has no valid signature by key " + PublicKeys.fingerprint(key));
            }
        }
    }

    private void checkCheckpoints(SegmentCheck segment, int line) throws Broken {
        while (nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).size() == expectedSeq) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
            String lineHead = HexFormat.of().formatHex(segment.linkHashes, line * HASH, (line + 1) * HASH);
            if (!checkpoint.head().equals(lineHead)) {
                throw new Broken("checkpoint of " + checkpoint.time() + " says entry " + (expectedSeq - 1)
                        + " has link hash " + checkpoint.head() + " but the ledger has " + lineHead
                        + ": the ledger was altered after the checkpoint was signed");
            }
            signatures.add(signatureChecks.submit(() -> CheckpointSigner.verify(key, checkpoint)));
            nextCheckpoint++;
        }
    }
}
