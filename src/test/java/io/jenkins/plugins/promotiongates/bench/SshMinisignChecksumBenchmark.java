package io.jenkins.plugins.promotiongates.bench;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verification.VerificationService;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Verifies SSH (SHA-512), checksum (SHA-256) and minisign prehashed (BLAKE2b-512) signatures of one
 * large file in-process, warm, and times the reference tools on the same file. Not a test:
 *
 * <pre>
 * mvn -q -f offline/pom.xml test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/sigcp.txt
 * java -cp "offline/build/target/test-classes:offline/build/target/classes:$(cat /tmp/sigcp.txt)" \
 *     io.jenkins.plugins.promotiongates.bench.SshMinisignChecksumBenchmark 1024 /tmp/sigbench
 * </pre>
 *
 * Arguments: file size in MiB (default 1024) and a scratch directory (default a temp directory).
 */
public final class SshMinisignChecksumBenchmark {

    private static final int RUNS = 3;

    private SshMinisignChecksumBenchmark() {}

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("sigbench");
        Path file = dir.resolve("artifact.bin");
        writeRandom(file, mib * 1024 * 1024);
        ExternalTool.run(dir, "sh", "-c", "rm -f ssh ssh.pub m.pub m.key artifact.bin.sig artifact.bin.minisig");
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ssh");
        Files.writeString(dir.resolve("allowed"), "bench@example.com " + Files.readString(dir.resolve("ssh.pub")));
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ssh", "-n", "file", "artifact.bin");
        ExternalTool.run(dir, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.key");
        ExternalTool.run(dir, "minisign", "-S", "-s", "m.key", "-m", "artifact.bin");
        Files.writeString(dir.resolve("SHA256SUMS"), ExternalTool.run(dir, "sha256sum", "artifact.bin"));

        VerificationService service = new VerificationService(SignatureVerifiers.standard());
        System.out.printf(
                "file: %d MiB, %s, Java %s, %d cores%n",
                mib, file, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| what | best of " + RUNS + " (s) | MiB/s |");
        System.out.println("|---|---|---|");
        inProcess(
                "engine: ssh (Ed25519, SHA-512)",
                mib,
                () -> service.verify(
                        request(file, dir.resolve("artifact.bin.sig"), dir.resolve("allowed"), SignatureFormat.SSH),
                        Optional.empty()));
        inProcess(
                "engine: checksum (SHA-256)",
                mib,
                () -> service.verify(
                        request(file, dir.resolve("SHA256SUMS"), null, SignatureFormat.CHECKSUM), Optional.empty()));
        inProcess(
                "engine: minisign prehashed (BLAKE2b-512)",
                mib,
                () -> service.verify(
                        request(
                                file,
                                dir.resolve("artifact.bin.minisig"),
                                dir.resolve("m.pub"),
                                SignatureFormat.MINISIGN),
                        Optional.empty()));
        tool("sha256sum", mib, dir, file, "sha256sum", "artifact.bin");
        tool("openssl dgst -sha256", mib, dir, file, "openssl", "dgst", "-sha256", "artifact.bin");
        tool("sha512sum", mib, dir, file, "sha512sum", "artifact.bin");
        tool(
                "ssh-keygen -Y verify",
                mib,
                dir,
                file,
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                "allowed",
                "-I",
                "bench@example.com",
                "-n",
                "file",
                "-s",
                "artifact.bin.sig");
        tool("minisign -V", mib, dir, file, "minisign", "-V", "-p", "m.pub", "-m", "artifact.bin");
    }

    interface Run {
        Verification run() throws Exception;
    }

    private static VerifierInput request(Path file, Path signature, Path key, SignatureFormat format) throws Exception {
        List<TrustedKey> keys = key == null ? List.of() : List.of(new TrustedKey("key", Files.readAllBytes(key)));
        return VerifierInput.of(
                VerificationRequest.forArtifact("artifact.bin").format(format).build(),
                ArtifactContent.of(file),
                signature.getFileName().toString(),
                Files.readAllBytes(signature),
                keys,
                AlgorithmPolicy.DEFAULT);
    }

    private static void inProcess(String name, long mib, Run run) throws Exception {
        Verification warm = run.run();
        if (!warm.verified()) {
            throw new IllegalStateException(name + ": " + warm.failure());
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        print(name, mib, best);
    }

    private static void tool(String name, long mib, Path dir, Path file, String... command) throws Exception {
        ExternalTool.runWithInput(dir, file, command);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            ExternalTool.runWithInput(dir, file, command);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        print(name, mib, best);
    }

    private static void print(String name, long mib, double seconds) {
        System.out.printf("| %s | %.2f | %.0f |%n", name, seconds, mib / seconds);
    }

    private static void writeRandom(Path file, long size) throws Exception {
        if (Files.exists(file) && Files.size(file) == size) {
            return;
        }
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
    }
}
