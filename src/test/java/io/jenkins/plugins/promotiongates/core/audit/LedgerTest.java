package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LedgerTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final KeyPair key = AuditFixture.keyPair(1);
    private final ManualClock clock = AuditFixture.clock();

    private Path root() {
        return temp.getRoot().toPath().resolve("ledger");
    }

    private AuditService open(LedgerOptions options) throws Exception {
        return AuditService.open(
                root(), key, options, clock, AuditFixture.runs(temp.getRoot().toPath()));
    }

    private static LedgerOptions small() {
        return new LedgerOptions(8192, 5, Duration.ofSeconds(30));
    }

    private List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    public void recordsRunChainsAndALedgerThatRotatesCheckpointsAndVerifies() throws Exception {
        try (AuditService service = open(small())) {
            RunRef a = AuditFixture.run(temp.getRoot().toPath(), "folder/app", 7);
            RunRef b = AuditFixture.run(temp.getRoot().toPath(), "other", 1);
            for (int i = 0; i < 40; i++) {
                RecordedEvent recorded = service.record(i % 3 == 0 ? b : a, AuditFixture.approval("alice", i));
                assertEquals(i, recorded.ledgerSeq());
            }
            RunChain chain = service.runChain(a);
            assertTrue(chain.problem().toString(), chain.intact());
            assertEquals(26, chain.events().size());
            assertEquals(1, chain.events().get(0).seq());
            assertEquals(
                    new RunKey("folder/app", 7).genesis(), chain.events().get(0).prev());
            assertEquals("2026-03-01T12:00:00.123Z", chain.events().get(0).time());
            LedgerStatus status = service.status();
            assertEquals(40, status.size());
            assertTrue("rotated: " + status.segments(), status.segments() > 3);
            assertEquals(40, status.lastCheckpoint().get().size());
            assertThat(status.publicKeyOpenSsh(), containsString("ssh-ed25519 AAAA"));
            LedgerVerification verification = service.verifyLedger();
            assertTrue(verification.problem().toString(), verification.verified());
            assertEquals(40, verification.entries());
            assertEquals(2, verification.runs());
            assertEquals(8, verification.checkpoints());
        }
        try (AuditService reopened = open(small())) {
            assertTrue(reopened.status().appendable());
            RunRef a = AuditFixture.run(temp.getRoot().toPath(), "folder/app", 7);
            assertEquals(
                    40, reopened.record(a, AuditFixture.approval("bob", 99)).ledgerSeq());
            assertEquals(27, reopened.runChain(a).events().size());
            assertTrue(reopened.verifyLedger().verified());
        }
    }

    @Test
    public void checkpointsFollowTimeToo() throws Exception {
        try (AuditService service = open(new LedgerOptions(1 << 20, 1000, Duration.ofSeconds(10)))) {
            RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
            service.record(run, AuditFixture.approval("alice", 1));
            assertTrue(service.checkpointIfDue().isEmpty());
            clock.advance(Duration.ofSeconds(10));
            assertEquals(1, service.checkpointIfDue().get().size());
            assertTrue("nothing new to cover", service.checkpointIfDue().isEmpty());
        }
    }

    @Test
    public void tornFinalLineIsMovedAsideWithItsOffsetAndNeverRepaired() throws Exception {
        Path segment;
        try (AuditService service = open(LedgerOptions.defaults())) {
            RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
            segment = root().resolve(SegmentFiles.name(0));
        }
        byte[] valid = Files.readAllBytes(segment);
        String lastLine = lines(segment).get(2);
        // A crash after writing all of a line but its newline, and one in the middle of a line.
        byte[] partial = (lastLine.substring(0, 100)).getBytes(StandardCharsets.UTF_8);
        Files.write(segment, partial, StandardOpenOption.APPEND);
        try (AuditService service = open(LedgerOptions.defaults())) {
            LedgerStatus status = service.status();
            assertTrue(status.problems().toString(), status.appendable());
            assertEquals(1, status.tornTails().size());
            TornTail torn = status.tornTails().get(0);
            assertEquals(valid.length, torn.offset());
            assertEquals(100, torn.length());
            assertArrayEquals(partial, Files.readAllBytes(torn.savedAs()));
            assertArrayEquals(valid, Files.readAllBytes(segment));
            assertEquals(3, status.size());
            assertTrue(service.verifyLedger().verified());
        }
    }

    @Test
    public void aSecondTornTailAtTheSameOffsetIsKeptBesideTheFirst() throws Exception {
        Path segment;
        try (AuditService service = open(LedgerOptions.defaults())) {
            service.record(AuditFixture.run(temp.getRoot().toPath(), "app", 1), AuditFixture.approval("alice", 0));
            segment = root().resolve(SegmentFiles.name(0));
        }
        List<Path> saved = new ArrayList<>();
        for (String partial : List.of("{\"first\":", "{\"second\":")) {
            Files.writeString(segment, partial, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            try (AuditService service = open(LedgerOptions.defaults())) {
                TornTail torn = service.status().tornTails().get(0);
                assertEquals(partial, Files.readString(torn.savedAs(), StandardCharsets.UTF_8));
                assertThat(
                        torn.toString(),
                        containsString("torn final line of " + partial.length() + " bytes at byte " + torn.offset()
                                + " of " + segment + " (never acknowledged) moved to " + torn.savedAs()));
                saved.add(torn.savedAs());
            }
        }
        assertEquals(saved.get(0).resolveSibling(saved.get(0).getFileName() + ".1"), saved.get(1));
        assertEquals("{\"first\":", Files.readString(saved.get(0), StandardCharsets.UTF_8));
    }

    @Test
    public void aRunChainNamesTheFirstEventThatWasRemovedOrReplaced() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        try (AuditService service = open(LedgerOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
        }
        List<LedgerLine> lines = RunFile.read(run.directory()).lines();

        rewrite(run, List.of(lines.get(0), lines.get(2)));
        assertEquals(
                Optional.of("event 2 carries number 3: an event was removed or reordered"),
                RunChain.read(run).problem());

        rewrite(run, List.of(relinked(lines.get(0), "0".repeat(64)), lines.get(1), lines.get(2)));
        assertEquals(
                Optional.of("event 1 does not link to the run's genesis: an event was removed, inserted or replaced"),
                RunChain.read(run).problem());

        rewrite(run, List.of(lines.get(0), relinked(lines.get(1), "0".repeat(64)), lines.get(2)));
        assertEquals(
                Optional.of("event 2 does not link to event 1: an event was removed, inserted or replaced"),
                RunChain.read(run).problem());
    }

    /** The line with its event's {@code prev} replaced and every hash recomputed, as a build could write it. */
    private static LedgerLine relinked(LedgerLine line, String prev) throws Exception {
        ObjectNode json = RunLedgerScan.eventOf(line).json().deepCopy();
        json.put("prev", prev);
        json.put("hash", AuditEvent.hashOf(json));
        return LedgerLine.encode(line.seq(), line.link().prev(), new AuditEvent(json, CanonicalJson.write(json)));
    }

    private static void rewrite(RunRef run, List<LedgerLine> lines) throws Exception {
        Files.delete(run.directory().resolve(RunFile.NAME));
        RunFile.append(run.directory(), lines);
    }

    @Test
    public void aRunFileHoldingAnotherRunsEventIsABrokenChainNamingBothRuns() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        RunRef other = AuditFixture.run(temp.getRoot().toPath(), "other", 7);
        try (AuditService service = open(LedgerOptions.defaults())) {
            service.record(run, AuditFixture.approval("alice", 0));
            service.record(other, AuditFixture.approval("alice", 1));
        }
        Path runFile = run.directory().resolve(RunFile.NAME);
        Files.writeString(
                runFile,
                lines(other.directory().resolve(RunFile.NAME)).get(0) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        RunChain chain = RunChain.read(run);
        assertFalse(chain.intact());
        assertEquals(Optional.of("event 2 belongs to other #7, not to app #1"), chain.problem());

        Files.writeString(runFile, "{\"not\":\"a ledger line\"}\n", StandardCharsets.UTF_8);
        RunChain unreadable = RunChain.read(run);
        assertFalse(unreadable.intact());
        assertEquals(List.of(), unreadable.events());
        assertThat(unreadable.problem().orElseThrow(), containsString(runFile.toString()));
    }

    @Test
    public void anAcknowledgedEntryCutShortLaterIsCorruptionNotATornTail() throws Exception {
        Path segment;
        LedgerOptions everyFive = new LedgerOptions(1 << 20, 5, Duration.ofSeconds(30));
        try (AuditService service = open(everyFive)) {
            RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
            for (int i = 0; i < 5; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
            assertEquals(5, service.status().lastCheckpoint().get().size());
            segment = root().resolve(SegmentFiles.name(0));
        }
        // Entry 4 was synced, acknowledged and checkpointed; later the file loses its last 40 bytes.
        byte[] whole = Files.readAllBytes(segment);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
        Files.write(segment, cut);
        try (AuditService service = open(everyFive)) {
            LedgerStatus status = service.status();
            assertFalse(status.appendable());
            assertEquals(List.of(), status.tornTails());
            assertThat(status.problems().toString(), containsString("entry 4 is cut short"));
            assertThat(status.problems().toString(), containsString("acknowledged before"));
            assertThat(status.problems().toString(), containsString("restore " + SegmentFiles.name(0)));
        }
        assertArrayEquals("nothing is moved aside or truncated", cut, Files.readAllBytes(segment));
        assertFalse(Files.exists(root().resolve(TornTail.DIRECTORY)));
    }

    @Test
    public void anyOtherInconsistencyStopsAppendingAndNothingIsWritten() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        try (AuditService service = open(LedgerOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
        }
        Path segment = root().resolve(SegmentFiles.name(0));
        List<String> lines = lines(segment);
        Files.writeString(segment, lines.get(0) + "\n" + lines.get(2) + "\n", StandardCharsets.UTF_8);
        byte[] evidence = Files.readAllBytes(segment);
        try (AuditService service = open(LedgerOptions.defaults())) {
            LedgerStatus status = service.status();
            assertFalse(status.appendable());
            assertThat(status.problems().get(0), containsString("does not follow entry 0"));
            LedgerRefusedException refused = assertThrows(
                    LedgerRefusedException.class, () -> service.record(run, AuditFixture.approval("bob", 9)));
            assertThat(refused.getMessage(), containsString("Nothing was recorded"));
            assertThat(service.verifyLedger().problem().get(), containsString("entry number 2 where 1 was expected"));
        }
        assertArrayEquals("evidence untouched", evidence, Files.readAllBytes(segment));
    }

    @Test
    public void aKeyThatDoesNotMatchTheCheckpointsIsRefused() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        try (AuditService service = open(small())) {
            for (int i = 0; i < 5; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
        }
        byte[] before = Files.readAllBytes(root().resolve(SegmentFiles.name(0)));
        try (AuditService other = AuditService.open(
                root(),
                AuditFixture.keyPair(2),
                small(),
                clock,
                AuditFixture.runs(temp.getRoot().toPath()))) {
            assertThat(other.status().problems().get(0), containsString("was not signed by the configured key"));
            assertThrows(LedgerRefusedException.class, () -> other.record(run, AuditFixture.approval("bob", 1)));
        }
        assertArrayEquals(before, Files.readAllBytes(root().resolve(SegmentFiles.name(0))));
        KeyPair mismatched = new KeyPair(AuditFixture.keyPair(3).getPublic(), key.getPrivate());
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AuditService.open(
                                        root(),
                                        mismatched,
                                        small(),
                                        clock,
                                        AuditFixture.runs(temp.getRoot().toPath())))
                        .getMessage(),
                containsString("does not match"));
    }

    @Test
    public void eightConcurrentAppendersGetConsecutiveNumbersAndAValidChain() throws Exception {
        int threads = 8;
        int each = 60;
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        try (AuditService service = open(new LedgerOptions(64 << 10, 100, Duration.ofSeconds(60)))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", t + 1);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        seqs.add(service.record(run, AuditFixture.approval("u", i))
                                .ledgerSeq());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            Set<Long> distinct = new TreeSet<>(seqs);
            assertEquals("no duplicates", threads * each, distinct.size());
            assertEquals(0L, (long) ((TreeSet<Long>) distinct).first());
            assertEquals(threads * each - 1L, (long) ((TreeSet<Long>) distinct).last());
            LedgerVerification verification = service.verifyLedger();
            assertTrue(verification.problem().toString(), verification.verified());
            assertEquals(threads, verification.runs());
            for (int t = 0; t < threads; t++) {
                RunChain chain =
                        service.runChain(AuditFixture.run(temp.getRoot().toPath(), "app", t + 1));
                assertTrue(chain.intact());
                assertEquals(each, chain.events().size());
            }
        }
    }

    @Test
    public void badDraftsAreRefusedWithAReasonAndNothingIsAppended() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        try (AuditService service = open(LedgerOptions.defaults())) {
            assertThat(
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> service.record(
                                            run,
                                            EventDraft.of("gate.passed", "alice")
                                                    .withDetails(java.util.Map.of("ratio", 0.5))))
                            .getMessage(),
                    containsString("floating-point number"));
            assertThat(
                    assertThrows(IllegalArgumentException.class, () -> EventDraft.of("Gate Passed", "alice"))
                            .getMessage(),
                    containsString("not well-formed"));
            assertThat(
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> service.record(
                                            run,
                                            EventDraft.of("gate.passed", "alice")
                                                    .withDetails(java.util.Map.of("log", "x".repeat(2 << 20)))))
                            .getMessage(),
                    containsString("over the limit"));
            assertThat(
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> service.record(
                                            run,
                                            EventDraft.of("gate.passed", "alice")
                                                    .withDetails(java.util.Map.of("o", new Object()))))
                            .getMessage(),
                    containsString("strings, integers, booleans"));
            assertEquals(0, service.status().size());
            // An unknown but well-formed type is accepted: newer plugins may add types.
            service.record(run, EventDraft.of("gate.skipped", "SYSTEM"));
            assertEquals(1, service.status().size());
            assertTrue(service.verifyLedger().verified());
        }
    }

    @Test
    public void runFileIsCompletedFromTheLedgerAfterACrashBetweenTheTwoWrites() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        try (AuditService service = open(LedgerOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
        }
        Path runFile = run.directory().resolve(RunFile.NAME);
        List<String> lines = lines(runFile);
        Files.writeString(runFile, lines.get(0) + "\n" + lines.get(1) + "\n", StandardCharsets.UTF_8);
        try (AuditService service = open(LedgerOptions.defaults())) {
            RecordedEvent next = service.record(run, AuditFixture.approval("bob", 3));
            assertEquals(4, next.event().seq());
            RunChain chain = service.runChain(run);
            assertTrue(chain.intact());
            assertEquals(List.of(0L, 1L, 2L, 3L), chain.ledgerSeqs());
            assertEquals(lines.get(2), lines(runFile).get(2));
        }
    }

    @Test
    public void openingTheLedgerCompletesTheRunFilesACrashLeftBehindAndSkipsRunsThatAreGone() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        RunRef gone = AuditFixture.run(temp.getRoot().toPath(), "gone", 1);
        try (AuditService service = open(LedgerOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
            service.record(gone, AuditFixture.approval("alice", 9));
        }
        Path runFile = run.directory().resolve(RunFile.NAME);
        List<String> lines = lines(runFile);
        Files.writeString(runFile, lines.get(0) + "\n", StandardCharsets.UTF_8);
        Files.delete(gone.directory().resolve(RunFile.NAME));
        Files.delete(gone.directory());

        try (AuditService service = open(LedgerOptions.defaults())) {
            assertEquals("completed on opening, before the run records again", lines, lines(runFile));
            assertFalse("a run that is gone is not recreated", Files.exists(gone.directory()));
        }
    }

    @Test
    public void aBundleOfARunFileWithATornTailMovesItAsideAndStillVerifies() throws Exception {
        RunRef run = AuditFixture.run(temp.getRoot().toPath(), "app", 1);
        try (AuditService service = open(LedgerOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
        }
        Path runFile = run.directory().resolve(RunFile.NAME);
        List<String> lines = lines(runFile);
        String torn = lines.get(2).substring(0, lines.get(2).length() / 2);
        Files.writeString(runFile, lines.get(0) + "\n" + lines.get(1) + "\n" + torn, StandardCharsets.UTF_8);
        try (AuditService service = open(LedgerOptions.defaults())) {
            byte[] bundle = service.bundle(run);
            BundleVerification verification = BundleVerifier.verify(bundle, java.util.Optional.empty());
            assertTrue(verification.toString(), verification.verified());
            assertEquals(lines, lines(runFile));
            assertTrue(service.runChain(run).intact());
        }
    }
}
