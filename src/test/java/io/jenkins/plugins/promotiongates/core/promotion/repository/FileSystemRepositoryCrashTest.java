package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code kill -9} of a child JVM at random moments of a 64 MiB promotion: afterwards the version path
 * holds nothing or the complete file with the right digest, never a part, and the content store holds
 * no partial blob under its final name.
 */
public class FileSystemRepositoryCrashTest {

    private static final int TRIALS = 20;
    private static final int SIZE = 64 << 20;

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path artifact;
    private static String sha256;

    @BeforeClass
    public static void createArtifact() throws Exception {
        artifact = tmp.newFile("big.bin").toPath();
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(artifact)) {
            for (int i = 0; i < SIZE / chunk.length; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        Process sum = new ProcessBuilder("sha256sum", artifact.toString()).start();
        sha256 = new String(sum.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).substring(0, 64);
        assertEquals(0, sum.waitFor());
    }

    @Test
    public void killingThePromotingJvmLeavesNothingOrTheCompleteFile() throws Exception {
        long duration = uninterruptedMillis();
        Random random = new Random();
        int nothing = 0;
        int complete = 0;
        int midCopy = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path root = tmp.newFolder("trial" + trial).toPath();
            long delay = (long) (random.nextDouble() * duration * 1.5);
            Process child = start(root);
            awaitLine(child, "READY");
            Thread.sleep(delay);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            FileSystemRepository repository = new FileSystemRepository(root);
            Path visible = root.resolve("big.bin/1.0.0/big.bin");
            if (Files.exists(visible)) {
                assertEquals("trial " + trial + " (killed after " + delay + " ms)", sha256, Fixtures.sha256(visible));
                complete++;
            } else {
                nothing++;
            }
            Path blob = repository.blobPath(sha256);
            if (Files.exists(blob)) {
                assertEquals("trial " + trial + ": stored blob", sha256, Fixtures.sha256(blob));
            }
            midCopy += temporaries(root) > 0 ? 1 : 0;
            if (trial == TRIALS - 1) {
                Publication after = repository.publish(
                        new ArtifactCoordinates("big.bin", "1.0.0"),
                        ArtifactContent.of(artifact),
                        Fixtures.digest(sha256),
                        null);
                assertEquals(sha256, Fixtures.sha256(visible));
                assertEquals(SIZE, after.size());
            }
        }
        System.out.printf(
                "crash trials: %d, nothing visible %d, complete %d, killed mid-copy (temporary left) %d;"
                        + " an uninterrupted promotion took %d ms%n",
                TRIALS, nothing, complete, midCopy, duration);
        assertEquals(TRIALS, nothing + complete);
        assertTrue("at least one kill landed before the file became visible", nothing > 0);
    }

    private static long uninterruptedMillis() throws Exception {
        Path root = tmp.newFolder("uninterrupted").toPath();
        Process child = start(root);
        BufferedReader out = awaitLine(child, "READY");
        long start = System.nanoTime();
        assertEquals("DONE", out.readLine());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, child.waitFor());
        assertEquals(sha256, Fixtures.sha256(root.resolve("big.bin/1.0.0/big.bin")));
        return Math.max(millis, 50);
    }

    private static Process start(Path root) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PromoteChild.class.getName(),
                        root.toString(),
                        artifact.toString(),
                        sha256)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static BufferedReader awaitLine(Process child, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(expected, out.readLine());
        return out;
    }

    private static long temporaries(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX))
                    .toList();
            return temps.size();
        }
    }
}
