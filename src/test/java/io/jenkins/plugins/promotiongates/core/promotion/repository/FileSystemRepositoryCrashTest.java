package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code kill -9} (what {@link Process#destroyForcibly} sends on Linux) of a child JVM that publishes
 * three-file releases one after the other ({@link PromoteChild}), at a random moment of each trial:
 * afterwards every visible version directory holds its whole release (each file with the manifest's
 * digest, {@code release.json}, checksum files and record, nothing else), whatever the kill interrupted;
 * and a new publication succeeds and cleans what the killed one left in the staging area. The seed is
 * printed; {@code -Dcrash.seed=N} replays a run's delays.
 */
public class FileSystemRepositoryCrashTest {

    private static final int TRIALS = 24;
    private static final long MAX_DELAY_MS = 1500;

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path base;

    @BeforeClass
    public static void createFiles() throws Exception {
        base = tmp.newFolder("base").toPath();
        Random random = new Random(42);
        write(base.resolve("app.jar"), 6 << 20, random);
        write(base.resolve("app.tar.gz"), 2 << 20, random);
        Files.writeString(base.resolve("notes.txt"), "release notes\n");
    }

    @Test
    public void killingThePublishingJvmNeverLeavesAPartialVersionVisible() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("FileSystemRepositoryCrashTest seed: " + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = tmp.newFolder("repository").toPath();
        Set<String> checked = new HashSet<>();
        int published = 0;
        int leftovers = 0;
        long started = System.nanoTime();
        for (int trial = 0; trial < TRIALS; trial++) {
            long delay = (long) (random.nextDouble() * MAX_DELAY_MS);
            Process child = start(root, "1." + trial);
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", out.readLine());
            Thread.sleep(delay);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            String what = "trial " + trial + " (seed " + seed + ", killed " + delay + " ms after READY)";

            for (Path version : versions(root)) {
                if (checked.add(version.getFileName().toString())) {
                    assertComplete(what, version);
                }
            }
            leftovers += slots(root).isEmpty() ? 0 : 1;

            String after = "after." + trial;
            Publication publication = new FileSystemRepository(root)
                    .publish(
                            PromoteChild.release(base, after),
                            PromoteChild.content(base, after),
                            PromoteChild.record(after));
            assertTrue(what + ": publishing again", publication.stored());
            assertComplete(
                    what + ", then " + after,
                    root.resolve(PromoteChild.APPLICATION).resolve(after));
            checked.add(after);
            assertEquals(what + ": the next publication cleaned the staging area", List.of(), slots(root));
            assertEquals(what + ": no temporary file is left", List.of(), temporaries(root));
        }
        published = checked.size() - TRIALS;
        System.out.printf(
                "crash trials: %d in %d ms; versions the children completed: %d; kills that left a staging slot: %d%n",
                TRIALS, (System.nanoTime() - started) / 1_000_000, published, leftovers);
        assertTrue("the kills landed while versions were being published", published > 0 && leftovers > 0);
    }

    /** Every file with its digest, the manifest, the checksum files and the record, and nothing else. */
    private static void assertComplete(String what, Path version) throws Exception {
        String name = version.getFileName().toString();
        Release release = PromoteChild.release(base, name);
        List<String> expected = new ArrayList<>(List.of("promotion.json", "release.json"));
        for (ReleaseFile file : release.files()) {
            expected.add(file.name());
            expected.add(file.name() + ".sha256");
            assertEquals(
                    what + ": " + version + "/" + file.name(),
                    file.digest().hex(),
                    RepositoryFixtures.sha256(version.resolve(file.name())));
            assertEquals(
                    what + ": " + version + "/" + file.name() + ".sha256",
                    file.digest().hex() + "  " + file.name() + "\n",
                    Files.readString(version.resolve(file.name() + ".sha256")));
        }
        expected.sort(null);
        assertEquals(what + ": " + version, expected, FileSystemRepositoryTest.entries(version));
        assertArrayEquals(
                what + ": " + version + "/release.json",
                release.manifest(),
                Files.readAllBytes(version.resolve("release.json")));
        assertArrayEquals(
                what + ": " + version + "/promotion.json",
                PromoteChild.record(name),
                Files.readAllBytes(version.resolve("promotion.json")));
    }

    private static List<Path> versions(Path root) throws IOException {
        Path application = root.resolve(PromoteChild.APPLICATION);
        if (!Files.isDirectory(application)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(application)) {
            return versions.sorted().toList();
        }
    }

    /** What is in the staging area besides the publication lock. */
    private static List<String> slots(Path root) throws Exception {
        if (!Files.isDirectory(root.resolve(StagingArea.DIRECTORY))) {
            return List.of();
        }
        return FileSystemRepositoryTest.entries(root.resolve(StagingArea.DIRECTORY)).stream()
                .filter(name -> !name.equals("publish.lock"))
                .toList();
    }

    private static List<Path> temporaries(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX))
                    .toList();
        }
    }

    private static Process start(Path root, String prefix) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PromoteChild.class.getName(),
                        root.toString(),
                        base.toString(),
                        prefix)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void write(Path file, int size, Random random) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < size / chunk.length; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }
}
