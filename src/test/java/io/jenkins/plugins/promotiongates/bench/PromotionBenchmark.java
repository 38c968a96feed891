package io.jenkins.plugins.promotiongates.bench;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.HttpCredentials;
import io.jenkins.plugins.promotiongates.core.promotion.repository.MavenHttpRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.NginxServer;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Publication;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RetryPolicy;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Sleeper;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Promotion to a file repository against the reference tools, in the same run, pair by pair: each engine
 * run is timed next to one run of every reference command, in alternating order, and ratios are taken
 * within a pair. (a) One 1 GiB file: the engine (hash while copying, fsync, one rename of the version
 * directory) against {@code openssl dgst -sha256 FILE}, {@code cp FILE DEST && sync DEST}, and the shell's
 * one-pass equivalent {@code tee >(openssl dgst -sha256) < FILE > DEST && sync DEST}; the goal compares the
 * engine with the larger of the first two. (b) A release of 10 files totalling 1 GiB against
 * {@code cp -r} then {@code sync} of the copies then {@code sha256sum} of the files (and the same with
 * {@code openssl dgst -sha256}). (c) With {@code --http}, one 1 GiB file to nginx over HTTP against
 * {@code curl -T}. The files are random bytes in the page cache, as a just-built artifact is; every
 * dirty page is flushed ({@code sync}) before each timed command, so that none pays for another's
 * write-back. Not a test: run it by hand, see docs/performance.md ("Promotion").
 *
 * <p>Arguments: [scratch directory, default /tmp/promotion-bench; at least 5 GiB free on the file system
 * measured] [pairs, default 5] [--http]. The scratch directory's contents are deleted at the end.
 */
public final class PromotionBenchmark {

    private static final long MIB = 1L << 20;
    private static final long SIZE = 1024 * MIB;
    private static final int RELEASE_FILES = 10;
    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PromotionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/promotion-bench"));
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean http = Arrays.asList(args).contains("--http");
        try {
            run(scratch, pairs, http);
        } finally {
            try (Stream<Path> children = Files.list(scratch)) {
                for (Path child : children.toList()) {
                    delete(child);
                }
            }
        }
    }

    private static void run(Path scratch, int pairs, boolean http) throws Exception {
        Path single = scratch.resolve("artifact.bin");
        write(single, SIZE, 1);
        Path parts = Files.createDirectories(scratch.resolve("release"));
        for (int i = 0; i < RELEASE_FILES; i++) {
            long size =
                    i < RELEASE_FILES - 1 ? SIZE / RELEASE_FILES : SIZE - (RELEASE_FILES - 1) * (SIZE / RELEASE_FILES);
            write(parts.resolve("part-" + i + ".bin"), size, 100 + i);
        }
        sh(scratch, "cat artifact.bin release/* > /dev/null"); // in the page cache, as a just-built artifact is
        Release one = release(scratch, "artifact.bin");
        Release ten = release(parts, null);
        System.out.printf(
                "1 GiB; %d processors; load average %.2f; Java %s; %s; %s; %s%n",
                Runtime.getRuntime().availableProcessors(),
                SYSTEM.getSystemLoadAverage(),
                Runtime.version(),
                sh(scratch, "openssl version").strip(),
                sh(scratch, "cp --version | head -1").strip(),
                sh(scratch, "df -T . | tail -1 | awk '{print $2}'").strip());

        Path repo = Files.createDirectories(scratch.resolve("repo"));
        FileSystemRepository repository = new FileSystemRepository(repo);
        int[] version = {0};
        Engine promoteOne = () -> publish(repository, one, scratch, version);
        Engine promoteTen = () -> publish(repository, ten, parts, version);
        Engine emptyRepository = () -> {
            delete(repo.resolve("bench")); // every run stores the bytes anew
            delete(repo.resolve(".store"));
        };
        promoteOne.run(); // warm-up (JIT)
        promoteTen.run();
        emptyRepository.run();

        List<Group> groups = new ArrayList<>();
        groups.add(new Group(
                "(a) 1 GiB file",
                promoteOne,
                List.of(
                        "openssl dgst -sha256 artifact.bin",
                        "cp artifact.bin copy.bin && sync copy.bin",
                        "tee >(openssl dgst -sha256 >/dev/null) < artifact.bin > copy.bin && sync copy.bin"),
                2,
                emptyRepository));
        groups.add(new Group(
                "(b) 10 files, 1 GiB",
                promoteTen,
                List.of(
                        "cp -r release copy && sync copy/* && sha256sum release/* >/dev/null",
                        "cp -r release copy && sync copy/* && openssl dgst -sha256 release/* >/dev/null"),
                1,
                emptyRepository));
        if (http) {
            groups.add(httpGroup(scratch, one));
        }
        for (Group group : groups) {
            measure(scratch, group, pairs);
        }
        System.out.printf("load average at the end: %.2f%n", SYSTEM.getSystemLoadAverage());
    }

    /**
     * One engine measure and its reference commands; the goal compares with the slowest of the first
     * {@code goal}. {@code cleanup} runs, untimed, after every timed command.
     */
    private record Group(String name, Engine engine, List<String> references, int goal, Engine cleanup) {}

    @FunctionalInterface
    private interface Engine {
        void run() throws Exception;
    }

    private static void measure(Path scratch, Group group, int pairs) throws Exception {
        int n = group.references.size();
        double[] engine = new double[pairs];
        double[] cpu = new double[pairs];
        double[][] reference = new double[n][pairs];
        double[] ratio = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double load = SYSTEM.getSystemLoadAverage();
            if (i % 2 == 1) {
                long cpuStart = SYSTEM.getProcessCpuTime();
                engine[i] = timed(scratch, group.engine);
                cpu[i] = (SYSTEM.getProcessCpuTime() - cpuStart) / 1e9;
                group.cleanup.run();
            }
            for (int r = 0; r < n; r++) {
                String command = group.references.get(r);
                reference[r][i] = timed(scratch, () -> sh(scratch, command));
                sh(scratch, "rm -rf copy copy.bin");
                group.cleanup.run();
            }
            if (i % 2 == 0) {
                long cpuStart = SYSTEM.getProcessCpuTime();
                engine[i] = timed(scratch, group.engine);
                cpu[i] = (SYSTEM.getProcessCpuTime() - cpuStart) / 1e9;
                group.cleanup.run();
            }
            double bound = 0;
            for (int r = 0; r < group.goal; r++) {
                bound = Math.max(bound, reference[r][i]);
            }
            ratio[i] = engine[i] / bound;
            StringBuilder line = new StringBuilder(
                    String.format("%s, pair %d (load %.2f): engine %.3f s", group.name, i + 1, load, engine[i]));
            for (int r = 0; r < n; r++) {
                line.append(String.format("; ref%d %.3f s", r + 1, reference[r][i]));
            }
            System.out.println(line.append(String.format("; ratio %.2fx", ratio[i])));
        }
        System.out.printf("%n%s over %d pairs, min / median:%n", group.name, pairs);
        System.out.printf(
                "  engine                 %.3f / %.3f s (JVM CPU median %.2f s)%n",
                min(engine), median(engine), median(cpu));
        for (int r = 0; r < n; r++) {
            double[] own = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                own[i] = engine[i] / reference[r][i];
            }
            System.out.printf(
                    "  ref%d %.3f / %.3f s  engine/ref median %.2fx   %s%n",
                    r + 1, min(reference[r]), median(reference[r]), median(own), group.references.get(r));
        }
        System.out.printf(
                "  engine / max(ref1..ref%d) of the same pair: median %.2fx (min %.2fx, max %.2fx)%n%n",
                group.goal, median(ratio), min(ratio), max(ratio));
    }

    /** Publishes {@code release} as a new version. */
    private static void publish(FileSystemRepository repository, Release release, Path files, int[] version)
            throws Exception {
        Release fresh = new Release(release.application(), "1.0." + version[0]++, release.files());
        Publication publication = repository.publish(
                fresh, file -> ArtifactContent.of(files.resolve(file.name())), "{}".getBytes(StandardCharsets.UTF_8));
        if (!publication.stored() || publication.size() != SIZE) {
            throw new IllegalStateException("not published: " + publication);
        }
    }

    private static Group httpGroup(Path scratch, Release one) throws Exception {
        NginxServer nginx = NginxServer.start(Files.createDirectories(scratch.resolve("nginx")));
        MavenHttpRepository maven = new MavenHttpRepository(
                URI.create(nginx.url("")), "org.example", HttpCredentials.NONE, RetryPolicy.DEFAULT, Sleeper.REAL);
        int[] version = {0};
        Engine engine = () -> {
            Release fresh = new Release(one.application(), "2.0." + version[0]++, one.files());
            maven.publish(fresh, file -> ArtifactContent.of(scratch.resolve(file.name())), null);
        };
        return new Group(
                "(c) 1 GiB over HTTP to nginx",
                engine,
                List.of("curl -sSf -T artifact.bin " + nginx.url("curl/artifact.bin")),
                1,
                () -> {
                    delete(nginx.root());
                    Files.createDirectories(nginx.root());
                });
    }

    /** The release of the files in {@code directory} ({@code only} of them, if not {@code null}). */
    private static Release release(Path directory, String only) throws IOException {
        List<ReleaseFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.sorted().toList()) {
                if (only == null || file.getFileName().toString().equals(only)) {
                    var digests = new StreamingDigester().digest(file, List.of(DigestAlgorithm.SHA256));
                    files.add(new ReleaseFile(
                            file.getFileName().toString(), digests.digest(DigestAlgorithm.SHA256), digests.size()));
                }
            }
        }
        return new Release("bench", "0", files);
    }

    /** Times {@code action} after flushing every dirty page, so that no measure pays for an earlier one's write-back. */
    private static double timed(Path scratch, Engine action) throws Exception {
        sh(scratch, "sync");
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static String sh(Path directory, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void write(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] chunk = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.delete(path);
            }
        }
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
