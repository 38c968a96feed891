package io.jenkins.plugins.promotiongates.bench;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.RunDirectories;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.sink.DeliveryPolicy;
import io.jenkins.plugins.promotiongates.core.sink.HttpSettings;
import io.jenkins.plugins.promotiongates.core.sink.SinkBasics;
import io.jenkins.plugins.promotiongates.core.sink.SinkFeed;
import io.jenkins.plugins.promotiongates.core.sink.SinkSettings;
import io.jenkins.plugins.promotiongates.core.sink.SinkStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What sinks cost the recording of events, for docs/performance.md: durable appends per second
 * ({@code AuditService.record}, acknowledged after fsync) with 1 and 8 appenders, with no sink, with
 * two sinks whose receiver is down (everything queues on disk), and with two sinks delivering to a
 * local HTTP receiver, in alternating rounds of the same run, best of 3 each. The load average is
 * printed because other processes may share the processors.
 *
 * <pre>
 * mvn -q -f offline/pom.xml test-compile
 * java -cp "offline/build/target/test-classes:offline/build/target/classes:$(cat offline/build/target/test-classpath.txt)" \
 *     io.jenkins.plugins.promotiongates.bench.SinkBenchmark [WORK_DIR] [SECONDS_PER_ROUND]
 * </pre>
 */
public final class SinkBenchmark {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of("/tmp"), "sink-bench");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            for (byte b : exchange.getRequestBody().readAllBytes()) {
                if (b == '\n') {
                    received.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        int down;
        try (ServerSocket free = new ServerSocket(0)) {
            down = free.getLocalPort();
        }
        String up = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String refused = "http://127.0.0.1:" + down + "/";
        System.out.printf(
                "%d processors, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), SYSTEM.getSystemLoadAverage());
        try {
            for (int appenders : new int[] {1, 8}) {
                double none = 0;
                double downBest = 0;
                double upBest = 0;
                for (int round = 1; round <= 3; round++) {
                    none = Math.max(
                            none,
                            appends(
                                    work.resolve("none-" + appenders + "-" + round),
                                    key,
                                    appenders,
                                    seconds,
                                    List.of()));
                    downBest = Math.max(
                            downBest,
                            appends(
                                    work.resolve("down-" + appenders + "-" + round),
                                    key,
                                    appenders,
                                    seconds,
                                    List.of(refused, refused)));
                    upBest = Math.max(
                            upBest,
                            appends(
                                    work.resolve("up-" + appenders + "-" + round),
                                    key,
                                    appenders,
                                    seconds,
                                    List.of(up, up)));
                    System.out.printf("  round %d done, load average %.2f%n", round, SYSTEM.getSystemLoadAverage());
                }
                System.out.printf(
                        "%d appender(s): no sink %,.0f /s; 2 sinks, receiver down %,.0f /s; 2 sinks delivering %,.0f /s"
                                + " (%,d messages received in all)%n",
                        appenders, none, downBest, upBest, received.get());
            }
        } finally {
            server.stop(0);
            delete(work);
        }
    }

    /** Appends per second with a sink to each of {@code urls}; prints what the sinks hold at the end. */
    private static double appends(Path base, KeyPair key, int threads, int seconds, List<String> urls)
            throws Exception {
        AtomicLong count = new AtomicLong();
        try (AuditService service = AuditService.open(
                        base.resolve("ledger"), key, LedgerOptions.defaults(), Clock.systemUTC(), RunDirectories.NONE);
                SinkFeed feed = new SinkFeed(
                        base.resolve("sinks"), DeliveryPolicy.DEFAULT, Clock.systemUTC(), new SplittableRandom())) {
            feed.attach(service);
            List<SinkSettings> sinks = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                sinks.add(HttpSettings.of(
                        new SinkBasics("sink-" + i, 64, false), urls.get(i), null, "Authorization", "Bearer", ""));
            }
            feed.configure(sinks);
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
            for (SinkStatus status : feed.statuses()) {
                System.out.printf(
                        "    %s %s: %s queued, %s waiting in the ledger, %s delivered%n",
                        status.name(),
                        status.destination(),
                        status.queued(),
                        status.waitingInLedger(),
                        status.delivered());
            }
        }
        return count.get() / (double) seconds;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
