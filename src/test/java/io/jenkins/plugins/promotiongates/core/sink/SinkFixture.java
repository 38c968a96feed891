package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.RunDirectories;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real ledger in a temporary directory, events to record in it, and what a sink must deliver of it. */
final class SinkFixture {

    /** Fast retries, so that tests wait milliseconds where the controller waits seconds. */
    static final DeliveryPolicy FAST = new DeliveryPolicy(
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofMillis(5));

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00.123Z"), ZoneOffset.UTC);

    private SinkFixture() {}

    static KeyPair keyPair(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A ledger under {@code base}, signing a checkpoint every {@code checkpointEvery} entries. */
    static AuditService ledger(Path base, int checkpointEvery) throws Exception {
        return ledger(base, checkpointEvery, Clock.systemUTC());
    }

    /** The same, with events recorded at {@code clock}'s time. */
    static AuditService ledger(Path base, int checkpointEvery, Clock clock) throws Exception {
        return AuditService.open(
                base.resolve("ledger"),
                keyPair(7),
                new LedgerOptions(8192, checkpointEvery, Duration.ofHours(1)),
                clock,
                RunDirectories.NONE);
    }

    static RunRef run(Path base, String job, long build) throws Exception {
        Path directory = base.resolve("runs").resolve(job + "-" + build);
        Files.createDirectories(directory);
        return new RunRef(job, build, "job/" + job + "/" + build + "/", directory);
    }

    /** Records {@code count} approvals in {@code run}, numbered from {@code first}. */
    static void record(AuditService ledger, RunRef run, int first, int count) throws Exception {
        for (int i = first; i < first + count; i++) {
            ledger.record(
                    run,
                    EventDraft.of("approval.granted", "alice")
                            .withEnvironment("production")
                            .withDetails(Map.of("index", i, "comment", "ok \u00e9\u2713")));
        }
    }

    /**
     * What a sink starting at ledger entry {@code from} must deliver, as text lines: every ledger line from
     * there, each checkpoint right after the last entry it covers (only those covering a sent entry).
     */
    static List<String> expected(AuditService ledger, long from) throws Exception {
        List<Checkpoint> checkpoints = ledger.checkpoints();
        List<String> lines = new ArrayList<>();
        ledger.scan(from, line -> {
            lines.add(new String(line.bytes(), StandardCharsets.UTF_8));
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.size() == line.seq() + 1) {
                    lines.add(new String(SinkMessage.checkpoint(checkpoint).bytes(), StandardCharsets.UTF_8));
                }
            }
            return true;
        });
        return lines;
    }

    /** Waits up to 30 s for {@code condition}, failing with {@code what}. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
