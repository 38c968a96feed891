package io.jenkins.plugins.promotiongates.core.signature.bench;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.PipedWorkspace;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.GpgHome;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.signature.openpgp.OpenPgpVerifier;
import io.jenkins.plugins.promotiongates.core.signature.raw.RawSignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Verification over a stream that another process feeds, as the controller receives an agent's
 * workspace bytes over the channel: the engine verifies a raw ECDSA P-256 signature ({@code openssl dgst
 * -sign}) and an OpenPGP Ed25519 one ({@code gpg --detach-sign}) over the output of {@code cat FILE}
 * through a pipe ({@link PipedWorkspace}), against {@code cat FILE | openssl dgst -sha256} reading the same
 * kind of pipe, in the same run, pair by pair: each engine run is timed next to one reference run, the two
 * in alternating order, and the ratio is taken per pair. The same is done from the file (the engine reading
 * it itself, against {@code openssl dgst -sha256 FILE}) to show what the pipe costs. Every time covers the
 * child processes' start. Not a test: run it by hand, see docs/performance.md ("Verification over a
 * stream"). A fourth measure digests the pipe as the engine did before it read ahead (read a buffer, then
 * hash it, in turn), to show what the read-ahead gains.
 *
 * <p>Arguments: [size in MiB, default 1024] [parent of the work directory, default the system's temporary
 * directory] [pairs, default 7]. The work directory, the artifact and the keys are deleted at the end,
 * whatever happens.
 */
public final class StreamedVerificationBenchmark {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path parent = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "stream-bench");
        try (GpgHome gpg = GpgHome.in(dir)) {
            run(gpg, mib, pairs);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(GpgHome gpg, long mib, int pairs) throws Exception {
        Path dir = gpg.directory();
        Path artifact = dir.resolve("artifact.bin");
        writeFile(artifact, mib);
        gpg.sh("""
                g --quick-gen-key 'Bench <bench@example.org>' ed25519 sign never
                g --armor --export bench@example.org > pgp.key
                g -u bench@example.org --detach-sign -o artifact.bin.sig artifact.bin
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key 2>/dev/null
                openssl pkey -in p256.key -pubout -out p256.pub
                openssl dgst -sha256 -sign p256.key -out artifact.bin.p256 artifact.bin
                """);
        System.out.printf(
                "artifact: %d MiB; %d processors; load average %.2f; Java %s; %s; pipe: cat FILE, %s%n",
                mib,
                Runtime.getRuntime().availableProcessors(),
                SYSTEM.getSystemLoadAverage(),
                Runtime.version(),
                ExternalTool.sh(dir, "openssl version").strip(),
                ExternalTool.sh(dir, "cat --version | head -1").strip());

        ArtifactContent piped = PipedWorkspace.honest(dir).file("artifact.bin");
        ArtifactContent local = ArtifactContent.of(artifact);
        Clock clock = Clock.systemUTC();
        Case ecdsa = new Case("raw ECDSA P-256", new RawSignatureVerifier(), "artifact.bin.p256", "p256.pub");
        Case pgp = new Case("OpenPGP Ed25519", new OpenPgpVerifier(clock), "artifact.bin.sig", "pgp.key");
        List<Pair> measures = List.of(
                new Pair("piped: raw ECDSA P-256", () -> verify(ecdsa, dir, piped), PIPED_OPENSSL),
                new Pair("piped: OpenPGP Ed25519", () -> verify(pgp, dir, piped), PIPED_OPENSSL),
                new Pair("piped: SHA-256 in turn", () -> hashInTurn(piped), PIPED_OPENSSL),
                new Pair(
                        "file:  raw ECDSA P-256",
                        () -> verify(ecdsa, dir, local),
                        "openssl dgst -sha256 artifact.bin"));

        String expected = "sha256:"
                + reference(dir, "openssl dgst -sha256 -r artifact.bin").output.split(" ")[0];
        for (Pair p : measures) { // warm-up, and every verdict is about the bytes openssl hashed
            String engine = p.engine.digest();
            String viaPipe = "sha256:"
                    + reference(dir, p.reference.replace("dgst -sha256", "dgst -sha256 -r"))
                            .output
                            .split(" ")[0];
            if (!engine.equals(expected) || !viaPipe.equals(expected)) {
                throw new IllegalStateException(
                        p.name + ": engine " + engine + ", openssl " + viaPipe + ", openssl on the file " + expected);
            }
        }

        double[][] engine = new double[measures.size()][pairs];
        double[][] reference = new double[measures.size()][pairs];
        double[][] ratio = new double[measures.size()][pairs];
        double[][] cpu = new double[measures.size()][pairs];
        for (int i = 0; i < pairs; i++) {
            double loadBefore = SYSTEM.getSystemLoadAverage();
            StringBuilder line = new StringBuilder();
            for (int m = 0; m < measures.size(); m++) {
                Pair p = measures.get(m);
                boolean engineFirst = (i + m) % 2 == 0;
                if (!engineFirst) {
                    reference[m][i] = reference(dir, p.reference).seconds;
                }
                long cpuStart = SYSTEM.getProcessCpuTime();
                long start = System.nanoTime();
                p.engine.digest();
                engine[m][i] = (System.nanoTime() - start) / 1e9;
                cpu[m][i] = (SYSTEM.getProcessCpuTime() - cpuStart) / 1e9;
                if (engineFirst) {
                    reference[m][i] = reference(dir, p.reference).seconds;
                }
                ratio[m][i] = engine[m][i] / reference[m][i];
                line.append(String.format(
                        "%n  %-24s %.3f / %.3f s (%.2fx)", p.name, engine[m][i], reference[m][i], ratio[m][i]));
            }
            System.out.printf(
                    "pair %d, load average %.2f..%.2f:%s%n", i + 1, loadBefore, SYSTEM.getSystemLoadAverage(), line);
        }

        System.out.printf("%nover %d pairs (min / median; ratio = engine / reference of the same pair):%n", pairs);
        for (int m = 0; m < measures.size(); m++) {
            Pair p = measures.get(m);
            System.out.printf(
                    "%-24s %.3f / %.3f s (%.0f MiB/s, JVM CPU %.2f s)  vs  %-40s %.3f / %.3f s  ratio min %.2fx median %.2fx max %.2fx%n",
                    p.name,
                    min(engine[m]),
                    median(engine[m]),
                    mib / median(engine[m]),
                    median(cpu[m]),
                    p.reference,
                    min(reference[m]),
                    median(reference[m]),
                    min(ratio[m]),
                    median(ratio[m]),
                    max(ratio[m]));
        }
        System.out.printf("load average at the end: %.2f%n", SYSTEM.getSystemLoadAverage());
    }

    private record Case(String name, SignatureVerifier verifier, String signature, String key) {}

    private record Pair(String name, Engine engine, String reference) {}

    /** One engine measure; returns the SHA-256 it computed, as {@code sha256:HEX}. */
    @FunctionalInterface
    private interface Engine {
        String digest() throws Exception;
    }

    private static final String PIPED_OPENSSL = "cat artifact.bin | openssl dgst -sha256";

    private static String verify(Case c, Path dir, ArtifactContent content) throws IOException {
        return ArtifactDigest.text(check(c, dir, content).artifactDigest());
    }

    /**
     * The digest loop as it was before the read-ahead: read a full 256 KiB buffer, then hash it, on one
     * thread, so the pipe's writer and the hashing take turns. Kept to show what the read-ahead gains.
     */
    private static String hashInTurn(ArtifactContent content) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = content.open()) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                sha256.update(buffer, 0, read);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private record Timed(double seconds, String output) {}

    private static Verification check(Case c, Path dir, ArtifactContent content) throws IOException {
        Verification verdict = c.verifier.verify(VerifierInput.of(
                VerificationRequest.forArtifact("artifact.bin").build(),
                content,
                c.signature,
                Files.readAllBytes(dir.resolve(c.signature)),
                List.of(new TrustedKey("bench", Files.readAllBytes(dir.resolve(c.key)))),
                AlgorithmPolicy.DEFAULT));
        if (!verdict.verified()) {
            throw new IllegalStateException(c.name + ": " + verdict.failure());
        }
        return verdict;
    }

    /** Runs a shell command line, timed from the start of the shell to its exit. */
    private static Timed reference(Path dir, String commandLine) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("sh", "-c", commandLine)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException(commandLine + " exited with " + status);
        }
        return new Timed(seconds, output);
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

    private static void writeFile(Path file, long mib) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long i = 0; i < mib; i++) {
                block[(int) (i % block.length)] ^= 1; // no two MiB alike
                out.write(block);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    private StreamedVerificationBenchmark() {}
}
