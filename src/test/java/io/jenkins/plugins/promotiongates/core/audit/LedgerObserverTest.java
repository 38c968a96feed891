package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The ledger tells its observer of every durable entry and checkpoint, once, in ledger order, with
 * each checkpoint after the entries it covers; an observer that fails cannot fail a record.
 */
public class LedgerObserverTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ManualClock clock = AuditFixture.clock();

    /** Records what it is told, as "attached N", "entry N" and "checkpoint N". */
    private static final class Recorder implements LedgerObserver {
        final List<String> told = new ArrayList<>();

        @Override
        public synchronized void attached(long size) {
            told.add("attached " + size);
        }

        @Override
        public synchronized void appended(List<LedgerLine> lines) {
            lines.forEach(line -> told.add("entry " + line.seq()));
        }

        @Override
        public synchronized void checkpointed(Checkpoint checkpoint) {
            told.add("checkpoint " + checkpoint.size());
        }

        synchronized List<String> told() {
            return new ArrayList<>(told);
        }
    }

    private AuditService open() throws Exception {
        Path base = temp.getRoot().toPath();
        return AuditService.open(
                base.resolve("ledger"),
                AuditFixture.keyPair(5),
                new LedgerOptions(8192, 4, Duration.ofSeconds(30)),
                clock,
                AuditFixture.runs(base));
    }

    @Test
    public void everyEntryAndCheckpointIsToldOnceInLedgerOrderFromTheSizeAtAttaching() throws Exception {
        Path base = temp.getRoot().toPath();
        try (AuditService service = open()) {
            RunRef run = AuditFixture.run(base, "app", 1);
            service.record(run, AuditFixture.approval("alice", 0));
            Recorder recorder = new Recorder();
            service.observe(recorder);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                RunRef own = AuditFixture.run(base, "job" + t, 1);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        service.record(own, AuditFixture.approval("bob", i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            clock.advance(Duration.ofSeconds(31));
            service.checkpointIfDue();

            List<String> told = recorder.told();
            assertEquals("attached 1", told.get(0));
            List<String> expected = new ArrayList<>(List.of("attached 1"));
            long covered = 0;
            for (long seq = 1; seq <= 40; seq++) {
                expected.add("entry " + seq);
            }
            // Checkpoints follow the entry they cover: every 4 entries (the options), and the last by time.
            List<String> withoutCheckpoints = new ArrayList<>(told);
            withoutCheckpoints.removeIf(line -> line.startsWith("checkpoint"));
            assertEquals(expected, withoutCheckpoints);
            long entries = 0;
            for (String line : told.subList(1, told.size())) {
                if (line.startsWith("entry")) {
                    entries++;
                } else {
                    long size = Long.parseLong(line.substring("checkpoint ".length()));
                    assertEquals("a checkpoint covers exactly the entries told before it", entries + 1, size);
                    assertTrue(size > covered);
                    covered = size;
                }
            }
            assertEquals(
                    service.checkpoints().get(service.checkpoints().size() - 1).size(), covered);
            assertEquals(41, covered);
        }
    }

    @Test
    public void anObserverThatFailsNeverFailsARecord() throws Exception {
        Path base = temp.getRoot().toPath();
        try (AuditService service = open()) {
            service.observe(new LedgerObserver() {
                @Override
                public void attached(long size) {
                    throw new IllegalStateException("attached");
                }

                @Override
                public void appended(List<LedgerLine> lines) {
                    throw new IllegalStateException("appended");
                }

                @Override
                public void checkpointed(Checkpoint checkpoint) {
                    throw new IllegalStateException("checkpointed");
                }
            });
            RunRef run = AuditFixture.run(base, "app", 1);
            for (int i = 0; i < 6; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
            assertEquals(6, service.status().size());
            assertTrue(service.verifyLedger().verified());
        }
    }
}
