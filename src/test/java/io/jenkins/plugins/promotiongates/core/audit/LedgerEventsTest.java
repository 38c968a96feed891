package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link AuditService#ledgerEvents}: a run's events come from the controller's ledger; its run file
 * is a copy, compared line by line, and any line the ledger does not confirm is reported and ignored.
 */
public class LedgerEventsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ManualClock clock = AuditFixture.clock();
    private AuditService service;
    private Path base;

    @Before
    public void open() throws Exception {
        base = temp.getRoot().toPath();
        // Small segments, so that the runs' events spread over many of them.
        service = AuditService.open(
                base.resolve("ledger"),
                AuditFixture.keyPair(5),
                new LedgerOptions(4096, 1000, Duration.ofHours(1)),
                clock,
                AuditFixture.runs(base));
    }

    @After
    public void close() throws Exception {
        service.close();
    }

    private static EventDraft event(String type, int index) {
        return EventDraft.of(type, "alice").withEnvironment("production").withDetails(Map.of("index", index));
    }

    /** Records {@code count} events for {@code run}, interleaved with events of another run. */
    private RunRef recorded(String job, int count) throws Exception {
        RunRef run = AuditFixture.run(base, job, 7);
        RunRef other = AuditFixture.run(base, "other/" + job, 7);
        for (int i = 0; i < count; i++) {
            service.record(other, event(EventTypes.APPROVAL_GRANTED, 100 + i));
            service.record(run, event(EventTypes.APPROVAL_GRANTED, i));
            clock.advance(Duration.ofSeconds(1));
        }
        return run;
    }

    private static List<Integer> indices(LedgerEvents events) {
        return events.events().stream()
                .map(e -> e.get("details").path("index").asInt())
                .toList();
    }

    private static Path runFile(RunRef run) {
        return run.directory().resolve(RunFile.NAME);
    }

    /** A line a build could write: a self-consistent event (hashes computed right) as the next of the run. */
    private static LedgerLine forgedNext(RunRef run, EventDraft draft) throws Exception {
        List<LedgerLine> lines = RunFile.read(run.directory()).lines();
        LedgerLine last = lines.get(lines.size() - 1);
        AuditEvent event = AuditEvent.create(
                draft, RunKey.of(run), run.url(), last.runSeq() + 1, last.eventHash(), java.time.Instant.now());
        return LedgerLine.encode(last.seq() + 1, last.link().hash(), event);
    }

    private static void append(RunRef run, LedgerLine line) throws Exception {
        Files.write(
                runFile(run),
                (new String(line.bytes(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
    }

    @Test
    public void anUntouchedRunReadsItsEventsFromTheLedgerWithNoDisagreement() throws Exception {
        RunRef run = recorded("shop/main", 40);

        LedgerEvents events = service.ledgerEvents(run);

        assertEquals(Optional.empty(), events.problem());
        assertEquals(List.of(), events.disagreements());
        assertEquals(40, events.events().size());
        assertEquals(java.util.stream.IntStream.range(0, 40).boxed().toList(), indices(events));
        assertEquals(RunChain.read(run).ledgerSeqs(), events.ledgerSeqs());
        for (int i = 0; i < 40; i++) {
            assertEquals(i + 1, events.events().get(i).seq());
        }
    }

    @Test
    public void aSelfConsistentEventAppendedOnlyToTheRunFileIsReportedAndIgnored() throws Exception {
        RunRef run = recorded("shop/main", 3);
        append(run, forgedNext(run, event(EventTypes.SIGNATURE_VERIFIED, 99)));
        assertTrue("the forged copy verifies as a run chain", RunChain.read(run).intact());

        LedgerEvents events = service.ledgerEvents(run);

        assertEquals(List.of(0, 1, 2), indices(events));
        assertEquals(1, events.disagreements().size());
        String line = events.disagreements().get(0);
        assertThat(line, containsString("the run file's event 4 (signature.verified)"));
        assertThat(line, containsString("is not in the controller's ledger"));
        assertThat(line, containsString("ignored"));
    }

    @Test
    public void anEventEditedInTheRunFileWithItsHashesRecomputedIsReportedWithWhatDiffers() throws Exception {
        RunRef run = recorded("shop/main", 3);
        List<LedgerLine> lines = new ArrayList<>(RunFile.read(run.directory()).lines());
        LedgerLine second = lines.get(1);
        ObjectNode json = (ObjectNode) RunLedgerScan.eventOf(second).json().deepCopy();
        ((ObjectNode) json.get("details")).put("index", 42);
        json.put("actor", "mallory");
        json.put("hash", AuditEvent.hashOf(json));
        LedgerLine edited =
                LedgerLine.encode(second.seq(), second.link().prev(), new AuditEvent(json, CanonicalJson.write(json)));
        lines.set(1, edited);
        Files.delete(runFile(run));
        RunFile.append(run.directory(), lines);

        LedgerEvents events = service.ledgerEvents(run);

        assertEquals(List.of(0, 1, 2), indices(events));
        assertEquals(1, events.disagreements().size());
        assertThat(
                events.disagreements().get(0),
                containsString("the run file's event 2 (approval.granted), copied from ledger entry " + second.seq()
                        + ", differs from the ledger in actor, details; it is ignored"));
    }

    @Test
    public void aWrongOrMissingHintFallsBackToTheLedgerStart() throws Exception {
        RunRef run = recorded("shop/main", 30);
        List<LedgerLine> lines = RunFile.read(run.directory()).lines();

        // The first line removed: the hint names event 2's entry, which is not the run's start.
        Files.delete(runFile(run));
        RunFile.append(run.directory(), lines.subList(1, lines.size()));
        LedgerEvents withoutFirst = service.ledgerEvents(run);
        assertEquals(30, withoutFirst.events().size());
        assertEquals(List.of(), withoutFirst.disagreements());

        // No run file at all.
        Files.delete(runFile(run));
        LedgerEvents withoutFile = service.ledgerEvents(run);
        assertEquals(30, withoutFile.events().size());
        assertEquals(List.of(), withoutFile.disagreements());

        // A first line naming an entry past the ledger's end (its link hash recomputed to match).
        LedgerLine far = LedgerLine.encode(1_000_000, lines.get(0).link().prev(), RunLedgerScan.eventOf(lines.get(0)));
        List<LedgerLine> shifted = new ArrayList<>(lines);
        shifted.set(0, far);
        RunFile.append(run.directory(), shifted);
        LedgerEvents pastTheEnd = service.ledgerEvents(run);
        assertEquals(30, pastTheEnd.events().size());
        assertEquals(1, pastTheEnd.disagreements().size());
        assertThat(
                pastTheEnd.disagreements().get(0),
                containsString("the run file's event 1 (approval.granted), copied from ledger entry 1000000, is not in"
                        + " the controller's ledger"));
    }

    @Test
    public void aLineThatIsNotAValidAuditLineIsReportedAndIgnored() throws Exception {
        RunRef run = recorded("shop/main", 2);
        Files.writeString(runFile(run), "{\"event\":{},\"seq\":3}\n", StandardOpenOption.APPEND);

        LedgerEvents events = service.ledgerEvents(run);

        assertEquals(List.of(0, 1), indices(events));
        assertEquals(1, events.disagreements().size());
        assertThat(events.disagreements().get(0), containsString("is not a valid audit line"));
    }

    @Test
    public void aLineCopiedFromAnotherRunsFileIsReportedAsThatRunsAndIgnored() throws Exception {
        RunRef run = recorded("shop/main", 3);
        RunRef other = AuditFixture.run(base, "other/shop/main", 7);
        append(run, RunFile.read(other.directory()).lines().get(1));

        LedgerEvents events = service.ledgerEvents(run);

        assertEquals(List.of(0, 1, 2), indices(events));
        assertEquals(1, events.disagreements().size());
        assertThat(
                events.disagreements().get(0),
                containsString("the run file's event 2 (approval.granted), copied from ledger entry 2, belongs to"
                        + " other/shop/main #7, not to shop/main #7; it is ignored"));
    }

    @Test
    public void theSameEventUnderAnotherLedgerLinkIsReportedByItsLink() throws Exception {
        RunRef run = recorded("shop/main", 3);
        List<LedgerLine> lines = new ArrayList<>(RunFile.read(run.directory()).lines());
        LedgerLine second = lines.get(1);
        String otherPrev = lines.get(0).link().hash();
        LedgerLine relinked = LedgerLine.encode(second.seq(), otherPrev, RunLedgerScan.eventOf(second));
        lines.set(1, relinked);
        Files.delete(runFile(run));
        RunFile.append(run.directory(), lines);

        LedgerEvents events = service.ledgerEvents(run);

        assertEquals(List.of(0, 1, 2), indices(events));
        assertEquals(
                List.of("Audit: the run file's event 2 (approval.granted), copied from ledger entry " + second.seq()
                        + ", differs from the ledger in its ledger link (prev " + otherPrev + ", hash "
                        + relinked.link().hash() + "); it is ignored and the ledger's event 2 is used"),
                events.disagreements());
    }

    @Test
    public void pastFiftyDisagreementsTheRestAreCountedAndPastTenThousandLinesNoneIsRead() throws Exception {
        RunRef run = recorded("shop/main", 2);
        Files.writeString(runFile(run), "x\n".repeat(60), StandardOpenOption.APPEND);

        List<String> disagreements = service.ledgerEvents(run).disagreements();

        assertEquals(51, disagreements.size());
        assertThat(disagreements.get(0), containsString("is not a valid audit line"));
        assertThat(disagreements.get(49), containsString("is not a valid audit line"));
        assertEquals(
                "Audit: 10 more lines of " + runFile(run) + " disagree with the ledger; they are ignored",
                disagreements.get(50));

        Files.writeString(runFile(run), "x\n".repeat(RunCopy.MAX_LINES), StandardOpenOption.APPEND);
        LedgerEvents events = service.ledgerEvents(run);
        assertEquals(List.of(0, 1), indices(events));
        assertEquals(
                List.of(
                        "Audit: " + (RunCopy.MAX_LINES - 2 - RunCopy.MAX_DESCRIBED) + " more lines of " + runFile(run)
                                + " disagree with the ledger; they are ignored",
                        "Audit: " + runFile(run) + " holds more than " + RunCopy.MAX_LINES
                                + " lines; those after are not compared, and not used"),
                events.disagreements()
                        .subList(RunCopy.MAX_DESCRIBED, events.disagreements().size()));
    }

    @Test
    public void aRunWithNoEventHasNoneAndNoProblem() throws Exception {
        recorded("shop/main", 5);
        RunRef empty = AuditFixture.run(base, "shop/empty", 1);

        LedgerEvents events = service.ledgerEvents(empty);

        assertEquals(List.of(), events.events());
        assertEquals(List.of(), events.report());
    }

    @Test
    public void aDamagedLedgerLineFailsTheQueryInsteadOfBeingSkipped() throws Exception {
        RunRef run = recorded("shop/main", 3);
        Path segment = SegmentFiles.list(base.resolve("ledger")).get(0).path();
        String text = Files.readString(segment, StandardCharsets.UTF_8);
        Files.writeString(segment, text.replaceFirst("\"index\":100", "\"index\":101"), StandardCharsets.UTF_8);

        AuditFormatException e = assertThrows(AuditFormatException.class, () -> service.ledgerEvents(run));

        assertThat(e.getMessage(), containsString("hash does not match"));
    }
}
