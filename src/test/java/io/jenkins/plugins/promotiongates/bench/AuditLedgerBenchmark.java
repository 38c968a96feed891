package io.jenkins.plugins.promotiongates.bench;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.LedgerGenerator;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.LedgerVerification;
import io.jenkins.plugins.promotiongates.core.audit.LedgerVerifier;
import io.jenkins.plugins.promotiongates.core.audit.RunDirectories;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Audit ledger figures for docs/performance.md: durable appends per second with 1 and 8
 * appenders (each acknowledged only after fsync), and verification of a 1,000,000-entry ledger
 * against {@code sha256sum} of the same segment files, in the same run. The verifier checks
 * segments on THREADS threads (default: one per processor); {@code sha256sum} uses one thread. The load average is
 * printed because other processes may share the processors.
 *
 * <pre>
 * mvn -q -f offline/pom.xml test-compile
 * java -cp "offline/build/target/test-classes:offline/build/target/classes:$(cat offline/build/target/test-classpath.txt)" \
 *     io.jenkins.plugins.promotiongates.bench.AuditLedgerBenchmark [WORK_DIR] [ENTRIES] [THREADS]
 * </pre>
 */
public final class AuditLedgerBenchmark {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private AuditLedgerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of("/tmp"), "audit-bench");
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "%d processors, %d segment threads, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), threads, SYSTEM.getSystemLoadAverage());
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try {
            System.out.printf("durable appends/s, 1 appender:  %,.0f%n", appends(work.resolve("a1"), key, 1));
            System.out.printf("durable appends/s, 8 appenders: %,.0f%n", appends(work.resolve("a8"), key, 8));
            verify(work.resolve("big"), key, entries, threads);
        } finally {
            delete(work);
        }
    }

    private static double appends(Path base, KeyPair key, int threads) throws Exception {
        AtomicLong count = new AtomicLong();
        long seconds = 5;
        try (AuditService service = AuditService.open(
                base.resolve("ledger"), key, LedgerOptions.defaults(), Clock.systemUTC(), RunDirectories.NONE)) {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Path directory = Files.createDirectories(base.resolve("run-" + t));
                RunRef run = new RunRef("bench/app", t + 1, "job/bench/job/app/" + (t + 1) + "/", directory);
                Thread worker = new Thread(() -> {
                    try {
                        for (int i = 0; System.nanoTime() < deadline; i++) {
                            service.record(
                                    run,
                                    EventDraft.of(EventTypes.GATE_PASSED, "alice")
                                            .withEnvironment("production")
                                            .withDetails(Map.of("gate", "change-window", "i", i)));
                            count.incrementAndGet();
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (!service.verifyLedger().verified()) {
                throw new IllegalStateException("benchmark ledger does not verify");
            }
        }
        return count.get() / (double) seconds;
    }

    private static void verify(Path root, KeyPair key, int entries, int threads) throws Exception {
        long start = System.nanoTime();
        LedgerGenerator.generate(root, key, entries, 5000, 64L << 20, 1000);
        List<String> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> list = Files.list(root)) {
            for (Path file : (Iterable<Path>) list.sorted()::iterator) {
                if (file.getFileName().toString().startsWith("ledger-")) {
                    files.add(file.toString());
                    bytes += Files.size(file);
                }
            }
        }
        System.out.printf(
                "generated %,d entries, %,d bytes in %d segments (%.1f s)%n",
                entries, bytes, files.size(), (System.nanoTime() - start) / 1e9);
        List<String> command = new ArrayList<>(List.of("sha256sum"));
        command.addAll(files);
        double shaBest = Double.MAX_VALUE;
        double verifyBest = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("sha256sum failed");
            }
            shaBest = Math.min(shaBest, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            long cpu = SYSTEM.getProcessCpuTime();
            LedgerVerification result = LedgerVerifier.verify(root, key.getPublic(), threads);
            verifyBest = Math.min(verifyBest, (System.nanoTime() - t1) / 1e9);
            if (!result.verified() || result.entries() != entries) {
                throw new IllegalStateException("verification failed: " + result);
            }
            System.out.printf(
                    "round %d: sha256sum %.2f s, verify %.2f s (%.2f s CPU; %d checkpoints, %d runs), load average %.2f%n",
                    round + 1,
                    (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9,
                    (SYSTEM.getProcessCpuTime() - cpu) / 1e9,
                    result.checkpoints(),
                    result.runs(),
                    SYSTEM.getSystemLoadAverage());
        }
        System.out.printf(
                "best: sha256sum %.2f s (%.0f MB/s), verify %.2f s (%.0f MB/s, %,.0f entries/s): %.2fx sha256sum%n",
                shaBest,
                bytes / shaBest / 1e6,
                verifyBest,
                bytes / verifyBest / 1e6,
                entries / verifyBest,
                verifyBest / shaBest);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
