package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reference for {@link LedgerVerifier}: the sequential verifier it replaced, kept unchanged
 * but for its name and one addition. It reads one line after the other through {@link
 * LedgerLineDecoder#decode} (strings for hashes and job names), keys run chains on {@link RunKey}
 * and computes each run's genesis through Jackson ({@link RunKey#genesis()}). The addition: it
 * recomputes every link hash from strings, as the old code did, and fails the test if the bytes
 * path disagrees.
 */
final class SequentialLedgerVerifier {

    private final Path root;
    private final PublicKey key;
    private final LedgerLineDecoder decoder = new LedgerLineDecoder();
    private final Map<RunKey, RunHead> runHeads = new HashMap<>();
    private final ExecutorService signatureChecks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-checkpoint-signatures");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<Boolean>> signatures = new ArrayList<>();
    private List<Checkpoint> checkpoints;
    private int nextCheckpoint;
    private long expectedSeq;
    private String head = LedgerLink.GENESIS;

    private SequentialLedgerVerifier(Path root, PublicKey key) {
        this.root = root;
        this.key = key;
    }

    /** The last event seen of one run. */
    private static final class RunHead {
        long seq;
        String hash;
    }

    /** A broken link: where and why. */
    private static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message, null);
        }
    }

    static LedgerVerification verify(Path root, PublicKey key) throws IOException {
        SequentialLedgerVerifier verifier = new SequentialLedgerVerifier(root, key);
        try {
            return verifier.run();
        } finally {
            verifier.signatureChecks.shutdownNow();
        }
    }

    private LedgerVerification run() throws IOException {
        List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
        int checked = 0;
        try {
            checkpoints = CheckpointLog.read(root).checkpoints();
            Path checkpointFile = root.resolve(CheckpointLog.NAME);
            if (Files.exists(checkpointFile) && CheckpointLog.read(root).end() != Files.size(checkpointFile)) {
                throw new Broken(checkpointFile + " ends with an incomplete line (torn tail)");
            }
            if (segments.isEmpty()) {
                throw new Broken("no ledger segments (ledger-*.jsonl) under " + root);
            }
            for (SegmentFiles.Segment segment : segments) {
                checkSegment(segment);
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

    private void checkSegment(SegmentFiles.Segment segment) throws IOException {
        Path file = segment.path();
        String name = file.toString();
        if (segment.firstSeq() != expectedSeq) {
            throw new Broken(name + " starts at entry " + segment.firstSeq() + " but entry " + expectedSeq
                    + " was expected: a segment is missing, or was renamed");
        }
        long end = LineReader.forEachLine(file, (bytes, start, stop, offset) -> {
            LedgerLine line = decoder.decode(bytes, start, stop, name, offset, false);
            LedgerLink link = line.link();
            String linkText =
                    "{\"event\":\"" + link.event() + "\",\"prev\":\"" + link.prev() + "\",\"seq\":" + link.seq() + "}";
            if (!Sha256.hex(linkText).equals(link.hash())) {
                throw new AssertionError("the bytes path accepted a link hash the strings path rejects: " + linkText);
            }
            if (line.seq() != expectedSeq) {
                throw new Broken(name + " at byte " + offset + ": entry number " + line.seq() + " where " + expectedSeq
                        + " was expected: entries were removed, inserted or reordered");
            }
            if (!line.link().prev().equals(head)) {
                throw new Broken(
                        name + " at byte " + offset + ": entry " + expectedSeq
                                + " does not link to the entry before it: an entry was removed, inserted, replaced or reordered");
            }
            checkRun(line, name, offset);
            expectedSeq++;
            head = line.link().hash();
            checkCheckpoints();
        });
        if (end != Files.size(file)) {
            throw new Broken(name + " ends with an incomplete line at byte " + end
                    + " (torn tail; opening the ledger in Jenkins moves it aside)");
        }
    }

    private void checkRun(LedgerLine line, String name, long offset) throws Broken {
        RunHead head = runHeads.get(line.run());
        String problem = RunChain.linkProblem(
                line.run(),
                line,
                head == null ? 1 : head.seq + 1,
                head == null ? line.run().genesis() : head.hash);
        if (problem != null) {
            throw new Broken(name + " at byte " + offset + ": run " + line.run() + ": " + problem);
        }
        if (head == null) {
            head = new RunHead();
            runHeads.put(line.run(), head);
        }
        head.seq = line.runSeq();
        head.hash = line.eventHash();
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

    private void checkCheckpoints() throws Broken {
        while (nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).size() == expectedSeq) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
            if (!checkpoint.head().equals(head)) {
                throw new Broken("checkpoint of " + checkpoint.time() + " says entry " + (expectedSeq - 1)
                        + " has link hash " + checkpoint.head() + " but the ledger has " + head
                        + ": the ledger was altered after the checkpoint was signed");
            }
            signatures.add(signatureChecks.submit(() -> CheckpointSigner.verify(key, checkpoint)));
            nextCheckpoint++;
        }
    }
}
