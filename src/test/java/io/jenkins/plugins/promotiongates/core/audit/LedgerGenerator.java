package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes a large, valid ledger quickly (no fsync), event by event through the same encoding the
 * ledger uses, with signed checkpoints: for tamper tests and the benchmark.
 */
public final class LedgerGenerator {

    private LedgerGenerator() {}

    /** A wrong claim about its run chain made by one event, in a ledger whose links are otherwise all valid. */
    public enum Fault {
        NONE,
        /** The event skips a number in its run. */
        NUMBER,
        /** The event's {@code prev} is not the hash of the run's event before it (or its genesis). */
        PREV,
        /** The event starts its run again: number 1, {@code prev} the genesis. */
        RESTART
    }

    public static void generate(Path root, KeyPair key, int count, int runs, long segmentBytes, int checkpointEvery)
            throws IOException {
        generate(
                root,
                key,
                count,
                seq -> new RunKey("team/service-" + (seq % runs), 1 + seq % 7),
                segmentBytes,
                checkpointEvery,
                -1,
                Fault.NONE);
    }

    /**
     * Writes {@code count} entries; entry {@code seq}'s event belongs to {@code runOf(seq)}, and the
     * event of entry {@code faultAt} makes the claim {@code fault}.
     */
    static void generate(
            Path root,
            KeyPair key,
            int count,
            IntFunction<RunKey> runOf,
            long segmentBytes,
            int checkpointEvery,
            int faultAt,
            Fault fault)
            throws IOException {
        Files.createDirectories(root);
        CheckpointSigner signer = new CheckpointSigner(key);
        Map<RunKey, AuditEvent> heads = new HashMap<>();
        Instant time = Instant.parse("2026-03-01T12:00:00Z");
        String prev = LedgerLink.GENESIS;
        long segmentSize = Long.MAX_VALUE;
        OutputStream out = null;
        try {
            for (int seq = 0; seq < count; seq++) {
                if (segmentSize >= segmentBytes) {
                    if (out != null) {
                        out.close();
                    }
                    out = new BufferedOutputStream(
                            Files.newOutputStream(root.resolve(SegmentFiles.name(seq))), 1 << 20);
                    segmentSize = 0;
                }
                RunKey run = runOf.apply(seq);
                AuditEvent head = heads.get(run);
                long runSeq = head == null ? 1 : head.seq() + 1;
                String runPrev = head == null ? run.genesis() : head.hash();
                if (seq == faultAt) {
                    switch (fault) {
                        case NUMBER -> runSeq++;
                        case PREV -> runPrev = Sha256.hex(runPrev);
                        case RESTART -> {
                            runSeq = 1;
                            runPrev = run.genesis();
                        }
                        case NONE -> {}
                    }
                }
                AuditEvent event = AuditEvent.create(
                        AuditFixture.approval("user" + seq % 13, seq),
                        run,
                        "job/team/job/service/" + run.build() + "/",
                        runSeq,
                        runPrev,
                        time.plusMillis(seq));
                heads.put(run, event);
                LedgerLine line = LedgerLine.encode(seq, prev, event);
                out.write(line.bytes());
                out.write('\n');
                segmentSize += line.bytes().length + 1;
                prev = line.link().hash();
                if ((seq + 1) % checkpointEvery == 0) {
                    CheckpointLog.append(
                            root, signer.sign(seq + 1, prev, AuditEvent.TIME.format(time.plusMillis(seq))));
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }
}
