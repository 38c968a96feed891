package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Checks one ledger segment on its own, so that segments can be checked in parallel: every line
 * ({@link LedgerLineDecoder#check}), the entry numbers from the segment's first, the links between
 * its lines and its torn tail. Keeps, line by line, what only an in-order pass over all segments
 * can check ({@link LedgerVerifier}): the first line's link to the segment before, the run chains
 * and the checkpoints. Stops at the first problem, which that pass reports after the lines before it.
 */
final class SegmentCheck implements Callable<SegmentCheck> {

    private static final int HASH = 32;

    final SegmentFiles.Segment segment;
    final String name;
    /** Lines that passed every check of this segment; {@link #problem} is at the line after them. */
    int lines;
    /** The link {@code prev} of the first line. */
    final byte[] firstPrev = new byte[HASH];
    /** Per line: the link hash, the event's hash, the event's {@code prev} (32 bytes each). */
    byte[] linkHashes;

    byte[] eventHashes;
    byte[] runPrevs;
    /** Per line: the byte offset, the event's run (index into {@link #runKeys}) and number in its run. */
    long[] offsets;

    int[] runs;
    long[] runSeqs;
    final List<RunKeyBytes> runKeys = new ArrayList<>();
    /** The first problem found, or null. */
    IOException problem;

    private final MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();
    private final Map<RunKeyBytes, Integer> runIndex = new HashMap<>();
    private final RunKeyBytes probe = new RunKeyBytes();
    private final byte[] linkPrev = new byte[HASH];

    SegmentCheck(SegmentFiles.Segment segment) {
        this.segment = segment;
        this.name = segment.path().toString();
        allocate(1024);
    }

    @Override
    public SegmentCheck call() {
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        try {
            long end = LineReader.forEachLine(segment.path(), (bytes, start, stop, offset) -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("verification of " + name + " was cancelled");
                }
                decoder.check(bytes, start, stop, name, offset);
                line(decoder, bytes, offset);
            });
            if (end != Files.size(segment.path())) {
                problem = new LedgerVerifier.Broken(name + " ends with an incomplete line at byte " + end
                        + " (torn tail; opening the ledger in Jenkins moves it aside)");
            }
        } catch (IOException e) {
            problem = e;
        }
        return this;
    }

    private void line(LedgerLineDecoder decoder, byte[] bytes, long offset) throws LedgerVerifier.Broken {
        long expected = segment.firstSeq() + lines;
        if (decoder.seq() != expected) {
            throw new LedgerVerifier.Broken(name + " at byte " + offset + ": entry number " + decoder.seq() + " where "
                    + expected + " was expected: entries were removed, inserted or reordered");
        }
        Sha256.raw(bytes, decoder.linkPrevAt(), lines == 0 ? firstPrev : linkPrev, 0);
        if (lines > 0 && !Sha256.same(linkPrev, 0, linkHashes, (lines - 1) * HASH, HASH)) {
            throw new LedgerVerifier.Broken(name + " at byte " + offset + ": entry " + expected
                    + " does not link to the entry before it: an entry was removed, inserted, replaced or reordered");
        }
        if (lines == offsets.length) {
            allocate(lines * 2);
        }
        probe.point(bytes, decoder.jobAt(), decoder.jobLength(), decoder.build());
        Integer run = runIndex.get(probe);
        if (run == null) {
            run = runKeys.size();
            RunKeyBytes key = probe.copy();
            runKeys.add(key);
            runIndex.put(key, run);
        }
        if (decoder.runSeq() == 1) {
            runKeys.get(run).genesis(digest); // computed here, in parallel, rather than in the in-order pass
        }
        offsets[lines] = offset;
        runs[lines] = run;
        runSeqs[lines] = decoder.runSeq();
        System.arraycopy(decoder.linkHash(), 0, linkHashes, lines * HASH, HASH);
        System.arraycopy(decoder.eventHash(), 0, eventHashes, lines * HASH, HASH);
        Sha256.raw(bytes, decoder.runPrevAt(), runPrevs, lines * HASH);
        lines++;
    }

    private void allocate(int capacity) {
        offsets = offsets == null ? new long[capacity] : Arrays.copyOf(offsets, capacity);
        runs = runs == null ? new int[capacity] : Arrays.copyOf(runs, capacity);
        runSeqs = runSeqs == null ? new long[capacity] : Arrays.copyOf(runSeqs, capacity);
        linkHashes = linkHashes == null ? new byte[capacity * HASH] : Arrays.copyOf(linkHashes, capacity * HASH);
        eventHashes = eventHashes == null ? new byte[capacity * HASH] : Arrays.copyOf(eventHashes, capacity * HASH);
        runPrevs = runPrevs == null ? new byte[capacity * HASH] : Arrays.copyOf(runPrevs, capacity * HASH);
    }
}
