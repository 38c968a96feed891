package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's events as its chain file holds them, for the run's timeline page, with the result of
 * checking the chain (genesis, numbering, {@code prev} links, hashes).
 *
 * @param run the run
 * @param events its events in order
 * @param ledgerSeqs the ledger entry number of each event
 * @param problem the first broken link and why, if any
 */
public record RunChain(RunRef run, List<AuditEvent> events, List<Long> ledgerSeqs, Optional<String> problem) {

    public boolean intact() {
        return problem.isEmpty();
    }

    /** Reads and checks {@code run}'s chain file; a missing file is an empty chain. */
    public static RunChain read(RunRef run) throws IOException {
        RunFile.Contents contents;
        try {
            contents = RunFile.read(RunFile.directoryOf(run));
        } catch (JsonFormatException e) {
            return new RunChain(run, List.of(), List.of(), Optional.of(e.getMessage()));
        }
        List<AuditEvent> events = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        String problem = contents.torn()
                ? "the run file ends with an incomplete line at byte " + contents.end()
                        + " (a crash while copying from the ledger; the next recorded event moves it aside)"
                : null;
        RunKey key = RunKey.of(run);
        String prev = key.genesis();
        for (LedgerLine line : contents.lines()) {
            ObjectNode json = CanonicalJson.readObject(line.bytes(), 0, line.bytes().length, "run file line");
            ObjectNode event = (ObjectNode) json.get("event");
            events.add(new AuditEvent(event, CanonicalJson.write(event)));
            seqs.add(line.seq());
            if (problem == null) {
                problem = linkProblem(key, line, events.size(), prev);
            }
            prev = line.eventHash();
        }
        return new RunChain(run, List.copyOf(events), List.copyOf(seqs), Optional.ofNullable(problem));
    }

    static String linkProblem(RunKey key, LedgerLine line, long expectedSeq, String expectedPrev) {
        if (!line.run().equals(key)) {
            return "event " + expectedSeq + " belongs to " + line.run() + ", not to " + key;
        }
        return chainProblem(expectedSeq, line.runSeq(), line.runPrev().equals(expectedPrev));
    }

    /**
     * What is wrong with an event of a run chain where event {@code expectedSeq} was expected: its
     * number {@code runSeq}, or its {@code prev} ({@code linksToExpected} false), or null.
     */
    static String chainProblem(long expectedSeq, long runSeq, boolean linksToExpected) {
        if (runSeq != expectedSeq) {
            return "event " + expectedSeq + " carries number " + runSeq + ": an event was removed or reordered";
        }
        if (!linksToExpected) {
            return "event " + expectedSeq + " does not link to "
                    + (expectedSeq == 1 ? "the run's genesis" : "event " + (expectedSeq - 1))
                    + ": an event was removed, inserted or replaced";
        }
        return null;
    }
}
