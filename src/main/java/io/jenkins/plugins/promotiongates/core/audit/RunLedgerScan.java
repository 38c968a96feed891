package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one run's events from the ledger ({@link LedgerEvents}), streaming: only the run's own lines
 * are kept. The run file's first line names the ledger entry of the run's first event; that is only
 * where the scan starts. The events found are believed only when the first has number 1 and links to
 * the run's genesis, each next one linking to the one before; otherwise the scan starts again at the
 * ledger's first entry. Every ledger line read is checked as the verifier checks it (canonical form,
 * event hash, link hash) and must follow the line before it.
 */
final class RunLedgerScan {

    private RunLedgerScan() {}

    /** The run's lines as the ledger holds them, or why they do not form its chain from the genesis. */
    private record Found(List<LedgerLine> lines, List<String> strays, String problem) {

        boolean provenFromGenesis() {
            return problem == null && !lines.isEmpty();
        }
    }

    static LedgerEvents read(Path root, RunRef run) throws IOException {
        RunKey key = RunKey.of(run);
        // The run file is read before the ledger: the ledger line of every event is written before its
        // copy, so every genuine copy read here is in the ledger by the time the scan below reads it.
        RunCopy copy = RunCopy.read(RunFile.directoryOf(run));
        Found found = null;
        if (copy.firstSeq() > 0) {
            found = scan(root, key, copy.firstSeq());
            found = found.provenFromGenesis() ? found : null;
        }
        if (found == null) {
            found = scan(root, key, 0);
        }
        List<String> disagreements = new ArrayList<>(found.strays());
        Map<Long, LedgerLine> bySeq = new HashMap<>();
        found.lines().forEach(line -> bySeq.put(line.seq(), line));
        disagreements.addAll(copy.disagreements(key, bySeq));
        if (found.problem() != null) {
            return new LedgerEvents(List.of(), List.of(), disagreements, Optional.of(found.problem()));
        }
        List<AuditEvent> events = new ArrayList<>(found.lines().size());
        List<Long> seqs = new ArrayList<>(found.lines().size());
        for (LedgerLine line : found.lines()) {
            events.add(eventOf(line));
            seqs.add(line.seq());
        }
        return new LedgerEvents(events, seqs, disagreements, Optional.empty());
    }

    static AuditEvent eventOf(LedgerLine line) throws JsonFormatException {
        ObjectNode entry = CanonicalJson.readObject(line.bytes(), 0, line.bytes().length, "ledger entry " + line.seq());
        ObjectNode event = (ObjectNode) entry.get("event");
        return new AuditEvent(event, CanonicalJson.write(event));
    }

    /** Scans the ledger from entry {@code from} to its end for {@code key}'s lines. */
    private static Found scan(Path root, RunKey key, long from) throws IOException {
        byte[] job = CanonicalJson.write(TextNode.valueOf(key.job()));
        RunKeyBytes target = new RunKeyBytes().point(job, 1, job.length - 2, key.build());
        RunKeyBytes probe = new RunKeyBytes();
        String genesis = key.genesis();
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        List<LedgerLine> lines = new ArrayList<>();
        List<String> strays = new ArrayList<>();
        String[] problem = {null};
        long[] lastSeq = {-1};
        byte[] lastLink = new byte[64];
        List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
        int first = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstSeq() <= from) {
                first = i;
            }
        }
        for (int i = first; i < segments.size() && problem[0] == null; i++) {
            String file = segments.get(i).path().toString();
            LineReader.forEachLine(segments.get(i).path(), (bytes, start, end, offset) -> {
                if (problem[0] != null) {
                    return;
                }
                decoder.check(bytes, start, end, file, offset);
                long seq = decoder.seq();
                if (lastSeq[0] >= 0
                        && (seq != lastSeq[0] + 1 || !Sha256.same(lastLink, 0, bytes, decoder.linkPrevAt(), 64))) {
                    throw new AuditFormatException(
                            file + " at byte " + offset,
                            "ledger entry " + seq + " does not follow entry " + lastSeq[0],
                            LedgerLineDecoder.REMEDY);
                }
                lastSeq[0] = seq;
                Sha256.hex(decoder.linkHash(), lastLink, 0);
                if (seq < from
                        || decoder.build() != key.build()
                        || !probe.point(bytes, decoder.jobAt(), decoder.jobLength(), decoder.build())
                                .equals(target)) {
                    return;
                }
                LedgerLine line = decoder.decode(bytes, start, end, file, offset, true);
                if (lines.isEmpty()) {
                    if (line.runSeq() != 1 || !line.runPrev().equals(genesis)) {
                        problem[0] = "Audit: the first event of " + key + " found in the ledger (from entry " + from
                                + ") is entry " + line.seq() + ", which is not the run's event 1 linked to its genesis:"
                                + " the run's events cannot be proven complete, so none is used. Verify the ledger"
                                + " (Manage Jenkins > Promotion Gates) and report it to the administrator";
                        return;
                    }
                    lines.add(line);
                    return;
                }
                LedgerLine previous = lines.get(lines.size() - 1);
                String broken = RunChain.chainProblem(
                        previous.runSeq() + 1, line.runSeq(), line.runPrev().equals(previous.eventHash()));
                if (broken != null) {
                    strays.add("Audit: ledger entry " + line.seq() + " of " + key + " is ignored: " + broken
                            + ". Verify the ledger (Manage Jenkins > Promotion Gates)");
                } else {
                    lines.add(line);
                }
            });
        }
        return new Found(lines, strays, problem[0]);
    }
}
