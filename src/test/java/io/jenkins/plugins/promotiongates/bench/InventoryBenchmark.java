package io.jenkins.plugins.promotiongates.bench;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.RunDirectories;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.promotion.Inventory;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionEvents;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecordJson;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The inventory at scale: 100,000 promotion events across 200 applications (dev, staging, production)
 * appended to a real, durable audit ledger; then the time to rebuild the inventory from the ledger (what
 * a controller does once at start-up), and the time to answer "what is in production now" from it (what
 * every page and promotion does), against {@code jq} answering the same question from the ledger's
 * files in the same run. Prints medians. Not a test. Arguments: a scratch directory, the number of
 * events (default 100000), the number of applications (default 200).
 */
public final class InventoryBenchmark {

    private static final String[] ENVIRONMENTS = {"dev", "staging", "production"};
    private static final int QUERIES = 1000;
    private static final int APPENDERS = 8;

    private InventoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/inventory-bench"));
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int applications = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path ledger = work.resolve("ledger");
        var key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long started = System.nanoTime();
        try (AuditService service =
                AuditService.open(ledger, key, LedgerOptions.defaults(), Clock.systemUTC(), RunDirectories.NONE)) {
            append(service, work, events, applications);
        }
        System.out.printf(
                "appended %,d promotion events for %d applications in %.1f s%n",
                events, applications, (System.nanoTime() - started) / 1e9);

        long[] rebuild = new long[3];
        Inventory inventory = null;
        for (int i = 0; i < rebuild.length; i++) {
            try (AuditService service =
                    AuditService.open(ledger, key, LedgerOptions.defaults(), Clock.systemUTC(), RunDirectories.NONE)) {
                long t0 = System.nanoTime();
                inventory = PromotionEvents.inventory(service).inventory();
                rebuild[i] = System.nanoTime() - t0;
            }
        }
        System.out.printf(
                "rebuild the inventory from the ledger (%,d records): median %.0f ms%n",
                inventory.size(), median(rebuild) / 1e6);

        long[] query = new long[QUERIES];
        int held = 0;
        for (int i = 0; i < QUERIES; i++) {
            long t0 = System.nanoTime();
            Map<String, PromotionRecord> production = inventory.holdings("production");
            query[i] = System.nanoTime() - t0;
            held = production.size();
        }
        Arrays.sort(query);
        System.out.printf(
                "what is in production now (%d applications): median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                held, query[QUERIES / 2] / 1e6, query[QUERIES * 99 / 100] / 1e6, query[QUERIES - 1] / 1e6);

        long[] jq = new long[3];
        String answer = "";
        for (int i = 0; i < jq.length; i++) {
            long t0 = System.nanoTime();
            answer = jq(ledger);
            jq[i] = System.nanoTime() - t0;
        }
        System.out.printf(
                "jq over the ledger's files, same question (%s applications): median %.0f ms%n",
                answer.trim(), median(jq) / 1e6);
    }

    /** Appends {@code events} promotion records, dev then staging then production per release. */
    private static void append(AuditService service, Path work, int events, int applications) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < APPENDERS; t++) {
            Path directory = Files.createDirectories(work.resolve("run-" + t));
            RunRef run = new RunRef("bench/promote", t + 1, "job/bench/job/promote/" + (t + 1) + "/", directory);
            Thread worker = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        PromotionRecord record = record(i, applications, t0, run);
                        service.record(
                                run,
                                EventDraft.of(EventTypes.PROMOTION_COMPLETED, "bench")
                                        .withEnvironment(record.environment())
                                        .withDetails(PromotionRecordJson.toTree(record)));
                    }
                } catch (IOException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** The {@code i}th promotion: application {@code i % applications}, each release through all environments. */
    private static PromotionRecord record(int i, int applications, Instant t0, RunRef run) {
        int application = i % applications;
        int step = i / applications;
        int version = step / ENVIRONMENTS.length;
        String environment = ENVIRONMENTS[step % ENVIRONMENTS.length];
        String name = "app-" + application;
        Release release = Release.of(
                "team/" + name,
                "1." + version,
                new ReleaseFile(name + ".tar.gz", digest(name + "/" + version), 1024L * (version + 1)));
        return new PromotionRecord(
                environment,
                environment.equals("dev") ? "" : ENVIRONMENTS[step % ENVIRONMENTS.length - 1],
                release,
                run.job() + "#" + run.build(),
                run.url(),
                t0.plusSeconds(i),
                "record-only:",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "d".repeat(64),
                null,
                null);
    }

    private static ArtifactDigest digest(String text) {
        try {
            return ArtifactDigest.of(
                    DigestAlgorithm.SHA256,
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shell user's way: jq reads every ledger line and keeps the latest production record per application. */
    private static String jq(Path ledger) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "jq",
                "-n",
                "[inputs | .event | select(.type == \"promotion.completed\" and .environment == \"production\")"
                        + " | .details] | group_by(.application) | map(max_by(.time)) | length"));
        try (Stream<Path> files = Files.list(ledger)) {
            files.filter(f -> f.getFileName().toString().startsWith("ledger-"))
                    .sorted()
                    .forEach(f -> command.add(f.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jq failed: " + out);
        }
        return out;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
