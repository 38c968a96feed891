package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger finds when it opens: where appending continues, torn tails it moved aside, and
 * any other inconsistency (which stops appending until an administrator acts). Checks the last
 * segment line by line, its link to the segment before, and the last checkpoint.
 */
final class LedgerRecovery {

    /**
     * @param nextSeq the sequence number of the next entry
     * @param head the link hash of the last entry ({@link LedgerLink#GENESIS} when empty)
     * @param segment the segment appends go to
     * @param tailStart the first entry indexed in {@code tailRuns}
     * @param tornTails torn final lines moved aside
     * @param problems inconsistencies; not empty means appending is refused
     * @param tailRuns for each run with recent entries (the last segment, and the one before it when
     *     the last holds fewer than {@value #RECENT_ENTRIES} entries), its last entry's sequence number
     * @param checkpoints all checkpoints
     */
    record State(
            long nextSeq,
            String head,
            SegmentFiles.Segment segment,
            long tailStart,
            List<TornTail> tornTails,
            List<String> problems,
            Map<RunKey, Long> tailRuns,
            List<Checkpoint> checkpoints) {}

    static final int RECENT_ENTRIES = 4096;

    private LedgerRecovery() {}

    static State open(Path root, PublicKey key) throws IOException {
        Files.createDirectories(root);
        List<TornTail> torn = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<RunKey, Long> tailRuns = new HashMap<>();
        List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
        if (segments.isEmpty()) {
            Path first = SegmentFiles.createDurably(root, SegmentFiles.name(0));
            segments = List.of(new SegmentFiles.Segment(first, 0));
        }
        SegmentFiles.Segment last = segments.get(segments.size() - 1);
        long[] expectedSeq = {last.firstSeq()};
        String[] head = {LedgerLink.GENESIS};
        if (segments.size() > 1) {
            LedgerLine before = lastLineOf(segments.get(segments.size() - 2), problems);
            if (before != null) {
                head[0] = before.link().hash();
                if (before.seq() != last.firstSeq() - 1) {
                    problems.add(last.path() + " starts at entry " + last.firstSeq()
                            + " but the segment before ends at " + before.seq());
                }
            }
        } else if (last.firstSeq() != 0) {
            problems.add(
                    "the first segment " + last.path() + " does not start at entry 0: earlier segments are missing");
        }
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        long end;
        try {
            end = LineReader.forEachLine(last.path(), (bytes, start, stop, offset) -> {
                if (!problems.isEmpty()) {
                    return;
                }
                LedgerLine line = decoder.decode(bytes, start, stop, last.path().toString(), offset, false);
                if (line.seq() != expectedSeq[0] || !line.link().prev().equals(head[0])) {
                    problems.add(last.path() + " at byte " + offset + ": entry " + line.seq()
                            + " does not follow entry " + (expectedSeq[0] - 1) + " (expected sequence number "
                            + expectedSeq[0] + " and prev " + head[0] + ")");
                    return;
                }
                tailRuns.put(line.run(), line.seq());
                expectedSeq[0]++;
                head[0] = line.link().hash();
            });
        } catch (JsonFormatException e) {
            problems.add(e.getMessage());
            end = -1;
        }
        if (end >= 0 && problems.isEmpty() && end < Files.size(last.path())) {
            long acknowledged = acknowledgedEntries(root);
            if (acknowledged > expectedSeq[0]) {
                // Torn by a crash, a final line was never acknowledged, so no checkpoint can cover it.
                problems.add(last.path() + " at byte " + end + ": entry " + expectedSeq[0] + " is cut short, but the"
                        + " latest checkpoint covers " + acknowledged + " entries, so it was written, synced and"
                        + " acknowledged before: the file was truncated or damaged afterwards, not torn by a crash."
                        + " Nothing was moved aside; restore " + last.path().getFileName() + " from a backup, or move"
                        + " the ledger aside to start a new one");
            } else {
                torn.add(TornTail.moveAside(root, last.path(), end));
            }
        }
        long tailStart = last.firstSeq();
        if (problems.isEmpty() && segments.size() > 1 && expectedSeq[0] - last.firstSeq() < RECENT_ENTRIES) {
            // The segment was started just before the crash: recent entries are also in the one before.
            SegmentFiles.Segment before = segments.get(segments.size() - 2);
            tailStart = before.firstSeq();
            try {
                Map<RunKey, Long> earlier = new HashMap<>();
                LineReader.forEachLine(before.path(), (bytes, start, stop, offset) -> {
                    LedgerLine line =
                            decoder.decode(bytes, start, stop, before.path().toString(), offset, false);
                    earlier.put(line.run(), line.seq());
                });
                earlier.forEach(tailRuns::putIfAbsent);
            } catch (JsonFormatException e) {
                problems.add(e.getMessage());
            }
        }
        List<Checkpoint> checkpoints = checkpoints(root, key, expectedSeq[0], head[0], torn, problems);
        return new State(expectedSeq[0], head[0], last, tailStart, torn, problems, tailRuns, checkpoints);
    }

    private static List<Checkpoint> checkpoints(
            Path root, PublicKey key, long size, String head, List<TornTail> torn, List<String> problems)
            throws IOException {
        CheckpointLog.Contents contents;
        try {
            contents = CheckpointLog.read(root);
        } catch (JsonFormatException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        Path file = root.resolve(CheckpointLog.NAME);
        if (Files.exists(file) && contents.end() < Files.size(file)) {
            torn.add(TornTail.moveAside(root, file, contents.end()));
        }
        List<Checkpoint> checkpoints = contents.checkpoints();
        if (!checkpoints.isEmpty()) {
            Checkpoint latest = checkpoints.get(checkpoints.size() - 1);
            if (!CheckpointSigner.verify(key, latest)) {
                problems.add("the latest checkpoint (" + latest.size() + " entries, " + latest.time()
                        + ") was not signed by the configured key " + PublicKeys.fingerprint(key)
                        + ": the controller's audit key was replaced or the checkpoint was altered."
                        + " Restore the original key, or move the ledger aside to start a new one");
            } else if (latest.size() > size) {
                problems.add("the latest checkpoint covers " + latest.size() + " entries but the ledger holds only "
                        + size + ": entries were removed");
            } else if (latest.size() == size && !latest.head().equals(head)) {
                problems.add(
                        "the latest checkpoint's head " + latest.head() + " is not the ledger's last entry " + head);
            }
        }
        return checkpoints;
    }

    /** How many entries the latest checkpoint says were written; 0 when none can be read (checked later). */
    private static long acknowledgedEntries(Path root) throws IOException {
        try {
            List<Checkpoint> checkpoints = CheckpointLog.read(root).checkpoints();
            return checkpoints.isEmpty()
                    ? 0
                    : checkpoints.get(checkpoints.size() - 1).size();
        } catch (JsonFormatException e) {
            return 0;
        }
    }

    private static LedgerLine lastLineOf(SegmentFiles.Segment segment, List<String> problems) throws IOException {
        Path file = segment.path();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, LedgerLine.MAX_BYTES + 1L);
            ByteBuffer tail = ByteBuffer.allocate(length);
            channel.read(tail, size - length);
            byte[] bytes = tail.array();
            if (length == 0) {
                problems.add(file + " is empty although it is not the last segment");
                return null;
            }
            if (bytes[length - 1] != '\n') {
                problems.add(file + " ends with an incomplete line although it is not the last segment");
                return null;
            }
            int start = length - 1;
            while (start > 0 && bytes[start - 1] != '\n') {
                start--;
            }
            if (start == 0 && length < size) {
                problems.add(file + ": its last line is longer than " + LedgerLine.MAX_BYTES + " bytes");
                return null;
            }
            return new LedgerLineDecoder()
                    .decode(bytes, start, length - 1, file.toString(), size - length + start, false);
        } catch (JsonFormatException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
