package io.jenkins.plugins.promotiongates.core.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import io.jenkins.plugins.promotiongates.core.audit.LedgerLine;
import io.jenkins.plugins.promotiongates.core.audit.LedgerObserver;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A sink's outbox follows the ledger: it queues every entry and checkpoint in ledger order, and
 * whatever its queue cannot take (full, a crash, a new sink sending the whole ledger) it reads from the
 * ledger later, so that what is delivered is exactly the ledger, in order, nothing missing.
 */
public class SinkOutboxTest {

    private static final long BOUND = 2L * DiskQueue.MAX_LINE;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** Feeds the ledger's news to an outbox, as the sink feed does. */
    private static LedgerObserver feeding(SinkOutbox outbox) {
        return new LedgerObserver() {
            @Override
            public void attached(long size) {
                outbox.attached(size);
            }

            @Override
            public void appended(List<LedgerLine> lines) {
                outbox.appended(lines);
            }

            @Override
            public void checkpointed(Checkpoint checkpoint) {
                outbox.checkpointed(checkpoint);
            }
        };
    }

    /** Delivers everything, catching up from the ledger as the sender does; returns the lines in order. */
    private static List<String> deliverAll(SinkOutbox outbox, AuditService ledger) throws Exception {
        List<String> delivered = new ArrayList<>();
        LedgerSource source = LedgerSource.of(ledger);
        for (int round = 0; round < 10_000; round++) {
            outbox.catchUp(source);
            QueueBatch batch = outbox.peek(7, 1 << 20);
            if (batch.isEmpty() && !outbox.backlog().behind()) {
                return delivered;
            }
            batch.lines().forEach(line -> delivered.add(new String(line, StandardCharsets.UTF_8)));
            outbox.acknowledge(batch);
        }
        throw new AssertionError("the outbox never emptied");
    }

    private SinkOutbox open(Path directory, long origin) throws Exception {
        return SinkOutbox.open(directory, "siem", BOUND, origin, SinkFixture.CLOCK);
    }

    @Test
    public void everyEntryAndCheckpointIsQueuedInLedgerOrder() throws Exception {
        Path base = temp.getRoot().toPath();
        try (AuditService ledger = SinkFixture.ledger(base, 4);
                SinkOutbox outbox = open(base.resolve("sink"), 0)) {
            RunRef run = SinkFixture.run(base, "app", 1);
            ledger.observe(feeding(outbox));
            SinkFixture.record(ledger, run, 0, 10);
            ledger.observe(feeding(outbox));
            SinkFixture.record(ledger, run, 10, 9);
            List<String> expected = SinkFixture.expected(ledger, 0);
            assertEquals(19 + 4, expected.size());
            assertEquals(expected, deliverAll(outbox, ledger));
        }
    }

    @Test
    public void aFullQueueLeavesEntriesInTheLedgerAndCatchesUpInOrderWithNothingLost() throws Exception {
        Path base = temp.getRoot().toPath();
        try (AuditService ledger = SinkFixture.ledger(base, 3);
                SinkOutbox outbox = open(base.resolve("sink"), 0)) {
            RunRef run = SinkFixture.run(base, "app", 1);
            ledger.observe(feeding(outbox));
            outbox.catchUp(LedgerSource.of(ledger));
            // 40 events of about 100 KB: the 2 MiB queue takes some 20 of them.
            for (int i = 0; i < 40; i++) {
                ledger.record(
                        run,
                        EventDraft.of("approval.granted", "alice").withDetails(Map.of("blob", "x".repeat(100_000))));
            }
            SinkOutbox.Backlog backlog = outbox.backlog();
            assertTrue(backlog.behind());
            assertThat(backlog.behindReason(), containsString("the queue is full (2 MiB)"));
            assertTrue(backlog.queued() < 30);
            assertTrue("the entries that did not fit wait in the ledger", backlog.waitingInLedger() >= 10);
            assertEquals(SinkFixture.expected(ledger, 0), deliverAll(outbox, ledger));
            assertFalse(outbox.backlog().behind());
            SinkFixture.record(ledger, run, 0, 2);
            assertFalse("it follows the ledger again", outbox.backlog().behind());
            assertEquals(
                    SinkFixture.expected(ledger, 40).size(), outbox.backlog().queued());
            assertEquals(SinkFixture.expected(ledger, 40), deliverAll(outbox, ledger));
        }
    }

    @Test
    public void entriesWrittenWhileTheSinkWasNotAttachedAreReadFromTheLedger() throws Exception {
        Path base = temp.getRoot().toPath();
        Path sink = base.resolve("sink");
        try (AuditService ledger = SinkFixture.ledger(base, 4)) {
            RunRef run = SinkFixture.run(base, "app", 1);
            try (SinkOutbox outbox = open(sink, 0)) {
                ledger.observe(feeding(outbox));
                SinkFixture.record(ledger, run, 0, 6);
                assertEquals(SinkFixture.expected(ledger, 0), deliverAll(outbox, ledger));
            }
            // As after a crash between the ledger's write and the queue's: the ledger has entries the queue lacks.
            ledger.observe(new LedgerObserver() {
                @Override
                public void attached(long size) {}

                @Override
                public void appended(List<LedgerLine> lines) {}

                @Override
                public void checkpointed(Checkpoint checkpoint) {}
            });
            SinkFixture.record(ledger, run, 6, 7);
            try (SinkOutbox outbox = open(sink, 999)) {
                ledger.observe(feeding(outbox));
                List<String> expected = SinkFixture.expected(ledger, 6);
                assertEquals(expected, deliverAll(outbox, ledger));
            }
        }
    }

    @Test
    public void aNewSinkSendsOnlyWhatIsRecordedAfterItUnlessItIncludesTheExistingEntries() throws Exception {
        Path base = temp.getRoot().toPath();
        try (AuditService ledger = SinkFixture.ledger(base, 4)) {
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 9);
            try (SinkOutbox fresh = open(base.resolve("fresh"), 9)) {
                ledger.observe(feeding(fresh));
                SinkFixture.record(ledger, run, 9, 4);
                List<String> delivered = deliverAll(fresh, ledger);
                assertEquals(SinkFixture.expected(ledger, 9), delivered);
                assertThat(delivered.get(0), containsString("\"seq\":9}"));
                assertTrue(
                        "the checkpoint that covers its entries is sent",
                        delivered.stream().anyMatch(line -> line.startsWith("{\"checkpoint\":")));
            }
            try (SinkOutbox everything = open(base.resolve("everything"), 0)) {
                ledger.observe(feeding(everything));
                assertEquals(SinkFixture.expected(ledger, 0), deliverAll(everything, ledger));
            }
            assertEquals("9\n", Files.readString(base.resolve("fresh").resolve(SinkOutbox.ORIGIN)));
        }
    }

    @Test
    public void aQueueAheadOfTheLedgerMeansTheLedgerWasReplacedAndTheNewOneIsSentFromItsStart() throws Exception {
        Path base = temp.getRoot().toPath();
        Path sink = base.resolve("sink");
        try (AuditService ledger = SinkFixture.ledger(base.resolve("old"), 100)) {
            RunRef run = SinkFixture.run(base, "app", 1);
            try (SinkOutbox outbox = open(sink, 0)) {
                ledger.observe(feeding(outbox));
                SinkFixture.record(ledger, run, 0, 5);
                deliverAll(outbox, ledger);
            }
        }
        try (AuditService replaced = SinkFixture.ledger(base.resolve("new"), 100);
                SinkOutbox outbox = open(sink, 0)) {
            RunRef run = SinkFixture.run(base, "other", 1);
            SinkFixture.record(replaced, run, 0, 2);
            replaced.observe(feeding(outbox));
            assertThat(outbox.backlog().behindReason(), containsString("it was replaced"));
            assertEquals(SinkFixture.expected(replaced, 0), deliverAll(outbox, replaced));
        }
    }
}
