package io.jenkins.plugins.promotiongates.core.signature.bench;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.GpgHome;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.signature.cms.CmsVerifier;
import io.jenkins.plugins.promotiongates.core.signature.openpgp.OpenPgpVerifier;
import io.jenkins.plugins.promotiongates.core.signature.raw.RawSignatureVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Verifies OpenPGP Ed25519/SHA-256, raw ECDSA P-256 and CMS signatures over one large file in this
 * JVM (warm, best and median of 3), times {@code openssl dgst -sha256}, {@code sha256sum} and
 * {@code gpg --verify} on the same file, then verifies a 4 GiB artifact in a child JVM with
 * {@code -Xmx64m}. Not a test: run it by hand, see docs/performance.md.
 *
 * <p>Arguments: [size in MiB, default 1024] [work directory, default a new temporary one].
 */
public final class OpenPgpCmsRawBenchmark {

    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sig-bench");
        try (GpgHome home = GpgHome.in(dir)) {
            run(home, mib);
        }
    }

    private static void run(GpgHome home, long mib) throws Exception {
        Path dir = home.directory();
        Path artifact = dir.resolve("artifact.bin");
        writeFile(artifact, mib);
        prepareSignatures(home, "artifact.bin");
        System.out.printf(
                "artifact: %d MiB, %d cores, Java %s%n",
                mib, Runtime.getRuntime().availableProcessors(), Runtime.version());

        Clock clock = Clock.systemUTC();
        Case[] cases = {
            new Case("OpenPGP Ed25519/SHA-256", new OpenPgpVerifier(clock), "artifact.bin.sig", "pgp.key"),
            new Case("raw ECDSA P-256/SHA-256", new RawSignatureVerifier(), "artifact.bin.p256", "p256.pub"),
            new Case("CMS ECDSA P-256/SHA-256", new CmsVerifier(clock), "artifact.bin.p7s", "root.pem"),
        };
        for (Case c : cases) { // warm-up
            check(c, dir, artifact);
        }
        double openssl = external(dir, "openssl dgst -sha256 artifact.bin");
        double sha256sum = external(dir, "sha256sum artifact.bin");
        double gpg =
                external(dir, "gpg --homedir gh --batch --quiet --verify artifact.bin.sig artifact.bin 2>/dev/null");
        for (Case c : cases) {
            double[] times = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                check(c, dir, artifact);
                times[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(times);
            System.out.printf(
                    "%-28s best %.3f s  median %.3f s  (%.0f MiB/s)  %.2fx openssl dgst  %.1fx faster than gpg --verify%n",
                    c.name, times[0], times[1], mib / times[0], times[0] / openssl, gpg / times[0]);
        }
        System.out.printf("%-28s best %.3f s%n", "openssl dgst -sha256", openssl);
        System.out.printf("%-28s best %.3f s%n", "sha256sum", sha256sum);
        System.out.printf("%-28s best %.3f s%n", "gpg --verify", gpg);
        bigArtifactInSmallHeap(home);
    }

    private record Case(String name, SignatureVerifier verifier, String signature, String key) {}

    private static Verification check(Case c, Path dir, Path artifact) throws IOException {
        Verification verdict = c.verifier.verify(VerifierInput.of(
                VerificationRequest.forArtifact(artifact.getFileName().toString())
                        .build(),
                ArtifactContent.of(artifact),
                c.signature,
                Files.readAllBytes(dir.resolve(c.signature)),
                List.of(new TrustedKey("bench", Files.readAllBytes(dir.resolve(c.key)))),
                AlgorithmPolicy.DEFAULT));
        if (!verdict.verified()) {
            throw new IllegalStateException(c.name + ": " + verdict.failure());
        }
        return verdict;
    }

    private static double external(Path dir, String command) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            ExternalTool.sh(dir, command);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void bigArtifactInSmallHeap(GpgHome home) throws Exception {
        Path dir = home.directory();
        Path big = dir.resolve("big.bin");
        writeFile(big, 4096);
        prepareSignatures(home, "big.bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OpenPgpCmsRawBenchmark.class.getName(),
                        "--child",
                        dir.toString())
                .inheritIO()
                .start();
        int status = child.waitFor();
        System.out.printf(
                "4 GiB artifact, child JVM -Xmx64m: exit %d after %.1f s%n", status, (System.nanoTime() - start) / 1e9);
        Files.delete(big);
    }

    /** In the -Xmx64m child: all three formats over big.bin. */
    private static void child(Path dir) throws IOException {
        Clock clock = Clock.systemUTC();
        Path big = dir.resolve("big.bin");
        for (Case c : new Case[] {
            new Case("OpenPGP", new OpenPgpVerifier(clock), "big.bin.sig", "pgp.key"),
            new Case("raw ECDSA", new RawSignatureVerifier(), "big.bin.p256", "p256.pub"),
            new Case("CMS", new CmsVerifier(clock), "big.bin.p7s", "root.pem")
        }) {
            long start = System.nanoTime();
            Verification verdict = check(c, dir, big);
            System.out.printf(
                    "  %-10s verified %s (%d bytes) in %.1f s, max heap %d MiB%n",
                    c.name,
                    verdict.verified(),
                    verdict.artifactSize(),
                    (System.nanoTime() - start) / 1e9,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static void prepareSignatures(GpgHome home, String file) throws Exception {
        home.sh("""
                if [ ! -s pgp.key ]; then
                  g --quick-gen-key 'Bench <bench@example.org>' ed25519 sign never
                  g --armor --export bench@example.org > pgp.key
                  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key 2>/dev/null
                  openssl pkey -in p256.key -pubout -out p256.pub
                  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem -subj /CN=Bench -days 3 2>/dev/null
                fi
                F=%s
                g --yes -u bench@example.org --detach-sign -o $F.sig $F
                openssl dgst -sha256 -sign p256.key -out $F.p256 $F
                openssl cms -sign -binary -in $F -signer root.pem -inkey root.key -md sha256 -outform DER -out $F.p7s
                """.formatted(file));
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

    private OpenPgpCmsRawBenchmark() {}
}
