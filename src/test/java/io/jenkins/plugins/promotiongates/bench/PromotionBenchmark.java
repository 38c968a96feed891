package io.jenkins.plugins.promotiongates.bench;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.HttpCredentials;
import io.jenkins.plugins.promotiongates.core.promotion.repository.MavenHttpRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.NginxServer;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RetryPolicy;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Sleeper;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Promotion throughput against the reference tools, in the same run: a 1 GiB file promoted to a file
 * repository (hash while copying, fsync, rename, link) against {@code cp}, {@code cp} then {@code sync}
 * of the copy, and {@code cp} then {@code sha256sum}; and promoted to nginx over HTTP (HEAD, PUT with
 * hashing, checksum files) against {@code curl -T}. Each measure runs 3 times; the median is printed.
 * Not a test. Argument: a scratch directory (at least 4 GiB free).
 */
public final class PromotionBenchmark {

    private static final long SIZE = 1L << 30;
    private static final int ROUNDS = 3;

    private PromotionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/promotion-bench"));
        Path source = scratch.resolve("artifact.bin");
        create(source);
        String sha256 = run("sha256sum", source.toString()).substring(0, 64);
        run("cat", source.toString()); // warm the page cache, as a just-built artifact is
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Path copy = scratch.resolve("cp.bin");
            times.computeIfAbsent("cp", k -> new ArrayList<>())
                    .add(timed(() -> run("cp", source.toString(), copy.toString())));
            Files.delete(copy);
            times.computeIfAbsent("cp + sync (file)", k -> new ArrayList<>())
                    .add(timed(() -> run(
                            "bash", "-c", "cp \"$1\" \"$2\" && sync \"$2\"", "x", source.toString(), copy.toString())));
            Files.delete(copy);
            times.computeIfAbsent("cp + sha256sum", k -> new ArrayList<>())
                    .add(timed(() -> run(
                            "bash",
                            "-c",
                            "cp \"$1\" \"$2\" && sha256sum \"$1\" >/dev/null",
                            "x",
                            source.toString(),
                            copy.toString())));
            Files.delete(copy);
            Path root = Files.createDirectories(scratch.resolve("repo" + round));
            FileSystemRepository repository = new FileSystemRepository(root);
            times.computeIfAbsent("promote to file repository", k -> new ArrayList<>())
                    .add(timed(() -> repository.publish(
                            release("1.0." + System.nanoTime(), sha256),
                            file -> ArtifactContent.of(source),
                            "{}".getBytes(StandardCharsets.UTF_8))));
            delete(root);
        }
        try (NginxServer nginx = NginxServer.start(Files.createDirectories(scratch.resolve("nginx")))) {
            MavenHttpRepository http = new MavenHttpRepository(
                    URI.create(nginx.url("")), "org.example", HttpCredentials.NONE, RetryPolicy.DEFAULT, Sleeper.REAL);
            for (int round = 1; round <= ROUNDS; round++) {
                String url = nginx.url("curl/" + round + "/artifact.bin");
                times.computeIfAbsent("curl -T (PUT)", k -> new ArrayList<>())
                        .add(timed(() -> run("curl", "-sSf", "-T", source.toString(), url)));
                String version = "1.0." + round;
                times.computeIfAbsent("promote to Maven HTTP (nginx)", k -> new ArrayList<>())
                        .add(timed(() ->
                                http.publish(release(version, sha256), file -> ArtifactContent.of(source), null)));
                delete(nginx.root());
                Files.createDirectories(nginx.root());
            }
        }
        System.out.printf("%-32s %10s   %s%n", "measure (1 GiB)", "median ms", "runs ms");
        times.forEach((name, runs) -> System.out.printf("%-32s %10d   %s%n", name, median(runs), runs));
        Files.delete(source);
    }

    private static Release release(String version, String sha256) {
        return Release.of(
                "artifact",
                version,
                new ReleaseFile("artifact.bin", ArtifactDigest.ofHex(DigestAlgorithm.SHA256, sha256, "digest"), SIZE));
    }

    private static void create(Path file) throws IOException {
        Random random = new Random(1);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    /**
     * Times {@code action} after flushing every dirty page, so that no measure pays for the
     * write-back of an earlier one (a promotion fsyncs; plain {@code cp} does not).
     */
    private static long timed(Action action) throws Exception {
        run("sync");
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> runs) {
        List<Long> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readNBytes(4096);
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.delete(path);
            }
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}
