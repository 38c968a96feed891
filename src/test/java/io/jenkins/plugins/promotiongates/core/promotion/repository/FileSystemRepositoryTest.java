package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileSystemRepositoryTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root;
    private FileSystemRepository repository;
    private Path files;
    private Path archive;
    private Path notes;
    private Release release;
    private final byte[] record = "{\"environment\":\"production\"}".getBytes(StandardCharsets.UTF_8);

    @Before
    public void setUp() throws Exception {
        root = tmp.newFolder("repo").toPath();
        repository = new FileSystemRepository(root);
        files = tmp.newFolder("build").toPath();
        archive = Files.writeString(files.resolve("app.tar.gz"), "release 1.4.0\n");
        notes = Files.writeString(files.resolve("notes.txt"), "what changed\n");
        release = RepositoryFixtures.release("shop", "1.4.0", archive, notes);
    }

    @Test
    public void storesEveryFileOfTheReleaseInOneVersionDirectoryWithChecksumsManifestAndRecord() throws Exception {
        Publication publication = repository.publish(release, RepositoryFixtures.contentIn(files), record);

        Path version = root.resolve("shop/1.4.0");
        assertTrue(publication.stored());
        assertEquals(version.toString(), publication.location());
        assertEquals(version.toString(), repository.location(release));
        assertEquals(27, publication.size());
        assertEquals(
                List.of(
                        "app.tar.gz",
                        "app.tar.gz.sha256",
                        "notes.txt",
                        "notes.txt.sha256",
                        "promotion.json",
                        "release.json"),
                entries(version));
        for (ReleaseFile file : release.files()) {
            assertTrue(Files.isSameFile(
                    version.resolve(file.name()),
                    repository.blobPath(file.digest().hex())));
        }
        assertEquals(
                "app.tar.gz: OK\nnotes.txt: OK\n",
                RepositoryFixtures.run("bash", "-c", "cd \"$1\" && sha256sum -c *.sha256", "x", version.toString()));
        assertArrayEquals(release.manifest(), Files.readAllBytes(version.resolve("release.json")));
        assertEquals("{\"environment\":\"production\"}", Files.readString(version.resolve("promotion.json")));
        assertEquals(
                Map.of("app.tar.gz", RepositoryFixtures.sha256(archive), "notes.txt", RepositoryFixtures.sha256(notes)),
                hex(repository.stored(release)));
        assertEquals("nothing is left in the staging area", List.of(), stagingLeft());
        assertEquals(0, temporaries());
    }

    @Test
    public void theSameReleaseAgainWritesNothingAndOpensNothing() throws Exception {
        repository.publish(release, RepositoryFixtures.contentIn(files), record);
        long modified = Files.getLastModifiedTime(root.resolve("shop/1.4.0")).toMillis();
        AtomicInteger opened = new AtomicInteger();

        Publication again = repository.publish(
                release,
                RepositoryFixtures.countingContentIn(files, opened),
                "{\"other\":1}".getBytes(StandardCharsets.UTF_8));

        assertFalse(again.stored());
        assertEquals(27, again.size());
        assertEquals(0, opened.get());
        assertEquals(
                modified, Files.getLastModifiedTime(root.resolve("shop/1.4.0")).toMillis());
        assertEquals("{\"environment\":\"production\"}", Files.readString(root.resolve("shop/1.4.0/promotion.json")));
    }

    @Test
    public void aDifferentReleaseUnderAnExistingVersionIsRefusedNamingWhatIsThere() throws Exception {
        repository.publish(release, RepositoryFixtures.contentIn(files), record);
        Path other = tmp.newFolder("other").toPath();
        Files.writeString(other.resolve("app.tar.gz"), "something else\n");
        Release different = RepositoryFixtures.release("shop", "1.4.0", other.resolve("app.tar.gz"));

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(different, RepositoryFixtures.contentIn(other), record));

        assertTrue(refusal.isRefusal());
        assertThat(
                refusal.getMessage(),
                containsString("Refusing to publish " + different + " to " + root.resolve("shop/1.4.0")
                        + ": that version already holds the release " + release.digest() + " (its release.json): "
                        + "app.tar.gz sha256 " + RepositoryFixtures.sha256(archive) + ", notes.txt sha256 "
                        + RepositoryFixtures.sha256(notes) + "."));
        assertThat(refusal.getMessage(), containsString("promote this release under a new version"));
        assertArrayEquals(release.manifest(), Files.readAllBytes(root.resolve("shop/1.4.0/release.json")));
        assertEquals(
                RepositoryFixtures.sha256(archive), RepositoryFixtures.sha256(root.resolve("shop/1.4.0/app.tar.gz")));
    }

    @Test
    public void aReleaseOfSomeOfTheSameFilesIsAnotherReleaseAndRefused() throws Exception {
        repository.publish(release, RepositoryFixtures.contentIn(files), record);
        Release fewer = RepositoryFixtures.release("shop", "1.4.0", archive);

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(fewer, RepositoryFixtures.contentIn(files), record));

        assertThat(refusal.getMessage(), containsString("that version already holds the release " + release.digest()));
        assertEquals(6, entries(root.resolve("shop/1.4.0")).size());
    }

    @Test
    public void aFileThatNoLongerHasTheEvaluatedDigestIsRefusedAndNothingIsVisible() throws Exception {
        Files.writeString(notes, "rewritten after the gates\n");
        String now = RepositoryFixtures.sha256(notes);

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(release, RepositoryFixtures.contentIn(files), record));

        assertThat(
                refusal.getMessage(),
                containsString(
                        "The artifact notes.txt version 1.4.0 changed after its gates were evaluated: it was sha256 "
                                + release.file("notes.txt")
                                        .orElseThrow()
                                        .digest()
                                        .hex() + " and is now sha256 " + now));
        assertFalse(Files.exists(root.resolve("shop/1.4.0")));
        assertFalse(Files.exists(repository.blobPath(now)));
        assertEquals(List.of(), stagingLeft());
        assertEquals(0, temporaries());
    }

    @Test
    public void anotherVersionOfTheSameContentReusesTheStoredBlobs() throws Exception {
        repository.publish(release, RepositoryFixtures.contentIn(files), record);
        AtomicInteger opened = new AtomicInteger();

        Publication second = repository.publish(
                RepositoryFixtures.release("shop", "1.4.1", archive, notes),
                RepositoryFixtures.countingContentIn(files, opened),
                null);

        assertTrue(second.stored());
        assertEquals(0, opened.get());
        assertTrue(Files.isSameFile(root.resolve("shop/1.4.1/app.tar.gz"), root.resolve("shop/1.4.0/app.tar.gz")));
        assertFalse("no record was given", Files.exists(root.resolve("shop/1.4.1/promotion.json")));
    }

    @Test
    public void applicationsWithSeveralSegmentsAreNestedDirectories() throws Exception {
        Release api = RepositoryFixtures.release("payments/api", "2.0", archive);

        repository.publish(api, RepositoryFixtures.contentIn(files), null);

        assertTrue(Files.isRegularFile(root.resolve("payments/api/2.0/app.tar.gz")));
        assertEquals(root.resolve("payments/api/2.0").toString(), repository.location(api));
    }

    @Test
    public void anApplicationCannotLiveInsideAnotherApplicationsVersion() throws Exception {
        repository.publish(
                RepositoryFixtures.release("shop", "1.0", archive), RepositoryFixtures.contentIn(files), null);
        Release nested = RepositoryFixtures.release("shop/1.0", "2", archive);

        RepositoryException refusal = assertThrows(
                RepositoryException.class, () -> repository.publish(nested, RepositoryFixtures.contentIn(files), null));

        assertThat(
                refusal.getMessage(),
                containsString(root.resolve("shop/1.0") + " is a version directory (it holds release.json), so it"
                        + " cannot also hold versions of the application shop/1.0"));
        assertEquals(List.of("app.tar.gz", "app.tar.gz.sha256", "release.json"), entries(root.resolve("shop/1.0")));

        repository.publish(
                RepositoryFixtures.release("web/1.0", "2", archive), RepositoryFixtures.contentIn(files), null);
        RepositoryException conversely = assertThrows(
                RepositoryException.class,
                () -> repository.publish(
                        RepositoryFixtures.release("web", "1.0", archive), RepositoryFixtures.contentIn(files), null));
        assertThat(conversely.getMessage(), containsString("that version already holds no release: 2/."));
        assertEquals(List.of("2"), entries(root.resolve("web/1.0")));
    }

    @Test
    public void anEmptyDirectoryAtTheVersionPathIsReplacedByTheVersion() throws Exception {
        Files.createDirectories(root.resolve("shop/1.4.0")); // as a failed promotion of shop/1.4.0 leaves it

        assertTrue(repository
                .publish(release, RepositoryFixtures.contentIn(files), record)
                .stored());

        assertEquals(6, entries(root.resolve("shop/1.4.0")).size());
    }

    @Test
    public void fileNamesTheRepositoryWritesItselfAreRefused() throws Exception {
        Path manifest = Files.writeString(files.resolve("release.json"), "{}");
        Path sidecar = Files.writeString(files.resolve("app.tar.gz.sha256"), "x");

        IllegalArgumentException named = assertThrows(
                IllegalArgumentException.class,
                () -> repository.publish(
                        RepositoryFixtures.release("shop", "1.5", archive, manifest),
                        RepositoryFixtures.contentIn(files),
                        null));
        IllegalArgumentException checksum = assertThrows(
                IllegalArgumentException.class,
                () -> repository.stored(RepositoryFixtures.release("shop", "1.5", archive, sidecar)));

        assertThat(
                named.getMessage(),
                containsString("has a file named 'release.json', which the file repository" + " writes itself"));
        assertThat(checksum.getMessage(), containsString("'app.tar.gz.sha256'"));
        assertThat(checksum.getMessage(), containsString("the repository writes the same checksum file"));
        assertFalse(Files.exists(root.resolve("shop")));
        assertEquals(Map.of(), repository.stored(RepositoryFixtures.release("shop", "1.5", sidecar)));
    }

    @Test
    public void aVersionWrittenBeforeReleasesExistedIsReadAsAOneFileRelease() throws Exception {
        Path legacy = Files.createDirectories(root.resolve("app.tar.gz/1.4.0"));
        Files.copy(archive, legacy.resolve("app.tar.gz"));
        Files.writeString(legacy.resolve("app.tar.gz.sha256"), RepositoryFixtures.sha256(archive) + "  app.tar.gz\n");
        Files.writeString(legacy.resolve("app.tar.gz.promotion.json"), "{}");
        Release same = RepositoryFixtures.release("app.tar.gz", "1.4.0", archive);

        assertEquals(Map.of("app.tar.gz", RepositoryFixtures.sha256(archive)), hex(repository.stored(same)));
        assertFalse(repository
                .publish(same, RepositoryFixtures.contentIn(files), record)
                .stored());
        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(
                        RepositoryFixtures.release("app.tar.gz", "1.4.0", archive, notes),
                        RepositoryFixtures.contentIn(files),
                        record));
        assertThat(
                refusal.getMessage(),
                containsString("already holds files written before releases existed: app.tar.gz sha256 "
                        + RepositoryFixtures.sha256(archive)));
    }

    @Test
    public void concurrentPublicationsOfOneVersionMakeExactlyOneVisible() throws Exception {
        Path other = tmp.newFolder("other").toPath();
        Files.writeString(other.resolve("app.tar.gz"), "another build\n");
        Release different = RepositoryFixtures.release("shop", "1.4.0", other.resolve("app.tar.gz"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Publication>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Release mine = i % 2 == 0 ? release : different;
                ReleaseContent content = RepositoryFixtures.contentIn(i % 2 == 0 ? files : other);
                Callable<Publication> publish = () -> {
                    start.await();
                    return repository.publish(mine, content, record);
                };
                results.add(threads.submit(publish));
            }
            start.countDown();
            int stored = 0;
            int noop = 0;
            int refused = 0;
            for (Future<Publication> result : results) {
                try {
                    if (result.get().stored()) {
                        stored++;
                    } else {
                        noop++;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause().toString(), ((RepositoryException) e.getCause()).isRefusal());
                    refused++;
                }
            }
            assertEquals(1, stored);
            assertEquals(2, refused);
            assertEquals(1, noop);
        } finally {
            threads.shutdownNow();
        }
        byte[] visible = Files.readAllBytes(root.resolve("shop/1.4.0/release.json"));
        assertTrue(java.util.Arrays.equals(visible, release.manifest())
                || java.util.Arrays.equals(visible, different.manifest()));
        assertEquals(List.of(), stagingLeft());
    }

    @Test
    public void aMissingRepositoryDirectoryIsNotCreated() {
        Path missing = root.resolve("not-mounted");
        RepositoryException e = assertThrows(RepositoryException.class, () -> new FileSystemRepository(missing));
        assertThat(e.getMessage(), containsString("The file repository directory " + missing + " does not exist"));
        assertThat(e.getMessage(), containsString("Create it (and mount it"));
        assertFalse(Files.exists(missing));
    }

    @Test
    public void versionsAndNamesThatWouldEscapeTheRepositoryAreRefused() {
        ReleaseFile file = new ReleaseFile("app.jar", RepositoryFixtures.digest("a".repeat(64)), 1);
        for (String version : List.of("../../etc", "..", "/abs", "1.0/../../x", "", "a b")) {
            IllegalArgumentException e =
                    assertThrows(version, IllegalArgumentException.class, () -> Release.of("shop", version, file));
            assertThat(
                    e.getMessage(),
                    containsString("The version '" + version + "' cannot be used in a repository path"));
        }
        IllegalArgumentException name = assertThrows(
                IllegalArgumentException.class,
                () -> new ReleaseFile("..", RepositoryFixtures.digest("a".repeat(64)), 1));
        assertThat(name.getMessage(), containsString("The release file name '..' cannot be used"));
        assertThrows(IllegalArgumentException.class, () -> Release.of("../etc", "1.0", file));
        assertEquals("passwd", ArtifactCoordinates.of("../../etc/passwd", "1.0").name());
    }

    @Test
    public void malformedDigestsCannotReachARepository() {
        // The one digest type refuses the text before any repository call can be made with it.
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RepositoryFixtures.digest("ABC"));
        assertThat(e.getMessage(), containsString("test digest 'ABC' is not a digest"));
        assertFalse(Files.exists(root.resolve("shop")));
    }

    @Test
    public void aSingleFileCanBePublishedFromAnyContent() throws Exception {
        Release one = Release.of("shop", "9", RepositoryFixtures.file(archive));

        repository.publish(one, file -> ArtifactContent.of(archive), null);

        assertEquals(RepositoryFixtures.sha256(archive), RepositoryFixtures.sha256(root.resolve("shop/9/app.tar.gz")));
    }

    static List<String> entries(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> stagingLeft() throws Exception {
        return entries(root.resolve(".staging")).stream()
                .filter(name -> !name.equals("publish.lock"))
                .toList();
    }

    static Map<String, String> hex(Map<String, ArtifactDigest> digests) {
        Map<String, String> hex = new java.util.TreeMap<>();
        digests.forEach((name, digest) -> hex.put(name, digest.hex()));
        return hex;
    }

    private long temporaries() throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                    .count();
        }
    }
}
