package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The file repository never follows a symbolic link it did not create, never trusts a stored blob by
 * its name, and makes bytes visible only once they hash to the approved digest. Every case uses real
 * links in a temporary folder and checks that nothing was written (or read) outside the root.
 */
public class FileSystemRepositoryConfinementTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root;
    private Path outside;
    private FileSystemRepository repository;
    private Path artifact;
    private String sha256;
    private Release release;
    private final byte[] record = "{}".getBytes(StandardCharsets.UTF_8);

    @Before
    public void setUp() throws Exception {
        root = tmp.newFolder("repo").toPath();
        outside = tmp.newFolder("outside").toPath();
        repository = new FileSystemRepository(root);
        artifact = tmp.newFile("app.tar.gz").toPath();
        Files.writeString(artifact, "release 1.4.0\n");
        sha256 = RepositoryFixtures.sha256(artifact);
        release = RepositoryFixtures.release("shop", "1.4.0", artifact);
    }

    @Test
    public void aRootThatIsASymbolicLinkIsRefusedNamingTheRealDirectory() throws Exception {
        Path link = Files.createSymbolicLink(tmp.getRoot().toPath().resolve("releases"), root);

        RepositoryException e = assertThrows(RepositoryException.class, () -> new FileSystemRepository(link));

        assertFalse(e.isRefusal());
        assertThat(e.getMessage(), containsString("The file repository directory " + link + " is a symbolic link"));
        assertThat(e.getMessage(), containsString("never follows a link it did not create"));
        assertThat(
                e.getMessage(),
                containsString(
                        "Set the environment's repository to the real directory (file:" + root.toRealPath() + ")"));
    }

    @Test
    public void aContentStoreThatIsASymbolicLinkIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path store = Files.createSymbolicLink(root.resolve(".store"), outside);

        RepositoryException e = assertRefused(store);

        assertThat(e.getMessage(), containsString("a directory of the repository"));
        assertNothingPublished();
    }

    @Test
    public void aLinkDeeperInTheContentStoreIsRefused() throws Exception {
        Files.createDirectories(root.resolve(".store/sha256"));
        Path prefix = Files.createSymbolicLink(root.resolve(".store/sha256/" + sha256.substring(0, 2)), outside);

        assertRefused(prefix);
        assertNothingPublished();
    }

    @Test
    public void anApplicationDirectoryThatIsASymbolicLinkIsRefusedForReadingAndWriting() throws Exception {
        Path name = Files.createSymbolicLink(root.resolve("shop"), outside);
        Files.createDirectories(outside.resolve("1.4.0"));
        Files.writeString(outside.resolve("1.4.0/app.tar.gz"), "not in the repository\n");

        RepositoryException reading = assertThrows(RepositoryException.class, () -> repository.stored(release));
        assertThat(reading.getMessage(), containsString("Refusing to use " + name));

        assertRefused(name);
        assertEquals("not in the repository\n", Files.readString(outside.resolve("1.4.0/app.tar.gz")));
        try (Stream<Path> files = Files.list(outside.resolve("1.4.0"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    public void aVersionDirectoryThatIsASymbolicLinkIsRefusedForReadingAndWriting() throws Exception {
        Files.createDirectories(root.resolve("shop"));
        Path version = Files.createSymbolicLink(root.resolve("shop/1.4.0"), outside);
        Files.copy(artifact, outside.resolve("app.tar.gz"));

        RepositoryException reading = assertThrows(RepositoryException.class, () -> repository.stored(release));
        assertThat(reading.getMessage(), containsString("Refusing to use " + version));
        assertRefused(version);
        Files.delete(outside.resolve("app.tar.gz"));
        assertEquals(List.of(), FileSystemRepositoryTest.entries(outside));
    }

    @Test
    public void aStagingAreaThatIsASymbolicLinkIsRefusedAndNothingIsWrittenThere() throws Exception {
        Path staging = Files.createSymbolicLink(root.resolve(".staging"), outside);

        assertRefused(staging);
        assertNothingPublished();
    }

    @Test
    public void aLinkPlantedInALeftoverStagingSlotIsDeletedNotFollowed() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret"), "keep me\n");
        Path slot = Files.createDirectories(root.resolve(".staging/0123456789abcdef"));
        Files.createFile(root.resolve(".staging/0123456789abcdef.lock"));
        Files.createSymbolicLink(slot.resolve("app.tar.gz"), secret);
        Files.createSymbolicLink(root.resolve(".staging/trash-0000000000000000"), outside);

        repository.publish(release, RepositoryFixtures.contentIn(artifact.getParent()), record);

        assertEquals("keep me\n", Files.readString(secret));
        assertEquals(List.of("publish.lock"), FileSystemRepositoryTest.entries(root.resolve(".staging")));
    }

    @Test
    public void aVersionFileThatIsASymbolicLinkIsNeitherHashedNorCountedAsTheArtifact() throws Exception {
        Path secret = outside.resolve("secret");
        Files.writeString(secret, "release 1.4.0\n"); // the very bytes: still not the repository's file
        Files.createDirectories(root.resolve("shop/1.4.0"));
        Path version = Files.createSymbolicLink(root.resolve("shop/1.4.0/app.tar.gz"), secret);

        RepositoryException reading = assertThrows(RepositoryException.class, () -> repository.stored(release));
        assertThat(reading.getMessage(), containsString("Refusing to use " + version + " (a file of the version)"));

        RepositoryException e = assertRefused(version);
        assertThat(e.getMessage(), containsString("(to " + secret + ")"));
        assertTrue(Files.isSymbolicLink(version));
    }

    @Test
    public void aChecksumFileThatIsASymbolicLinkIsRefusedAndNothingIsWrittenThrough() throws Exception {
        Path target = outside.resolve("overwritten");
        Files.createDirectories(root.resolve("shop/1.4.0"));
        Path sidecar = Files.createSymbolicLink(root.resolve("shop/1.4.0/app.tar.gz.sha256"), target);

        RepositoryException e = assertRefused(sidecar);

        assertThat(e.getMessage(), containsString("(a file of the version)"));
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(root.resolve("shop/1.4.0/app.tar.gz")));
        assertFalse(Files.exists(repository.blobPath(sha256)));
    }

    @Test
    public void aPlantedBlobWithTheRightNameAndWrongBytesIsRefusedNotLinked() throws Exception {
        Path blob = repository.blobPath(sha256);
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, "malicious payload\n");
        String planted = RepositoryFixtures.sha256(blob);

        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository.publish(release, RepositoryFixtures.contentIn(artifact.getParent()), record));

        assertTrue(e.isRefusal());
        assertThat(e.getMessage(), containsString("Refusing to reuse " + blob));
        assertThat(
                e.getMessage(),
                containsString("keeps the bytes of sha256 " + sha256 + " under that name, but the file holds sha256 "
                        + planted));
        assertThat(e.getMessage(), containsString("Move the file out of the store"));
        assertFalse(Files.exists(root.resolve("shop/1.4.0/app.tar.gz")));
    }

    @Test
    public void aPlantedBlobThatIsASymbolicLinkIsRefusedEvenToTheRightBytes() throws Exception {
        Path blob = repository.blobPath(sha256);
        Files.createDirectories(blob.getParent());
        Files.createSymbolicLink(blob, artifact);

        RepositoryException e = assertRefused(blob);

        assertThat(e.getMessage(), containsString("(the content store's copy of sha256 " + sha256 + ")"));
        assertFalse(Files.exists(root.resolve("shop/1.4.0/app.tar.gz")));
    }

    @Test
    public void aPlantedBlobWithTheRightBytesIsHashedThenReusedWithoutReadingTheArtifact() throws Exception {
        Path blob = repository.blobPath(sha256);
        Files.createDirectories(blob.getParent());
        Files.copy(artifact, blob);
        AtomicInteger opened = new AtomicInteger();

        Publication publication =
                repository.publish(release, RepositoryFixtures.countingContentIn(artifact.getParent(), opened), record);

        assertTrue(publication.stored());
        assertEquals(0, opened.get());
        assertTrue(Files.isSameFile(blob, root.resolve("shop/1.4.0/app.tar.gz")));
    }

    @Test
    public void anExistingVersionWhoseBytesWereAlteredIsNotTakenForTheSameDigest() throws Exception {
        repository.publish(release, RepositoryFixtures.contentIn(artifact.getParent()), record);
        Path version = root.resolve("shop/1.4.0/app.tar.gz");
        version.toFile().setWritable(true);
        Files.writeString(version, "altered in place\n"); // the blob too: they are one file
        String altered = RepositoryFixtures.sha256(version);

        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository.publish(release, RepositoryFixtures.contentIn(artifact.getParent()), record));

        assertThat(
                e.getMessage(),
                containsString("that version holds this release, but app.tar.gz holds sha256 " + altered
                        + ", and this release's app.tar.gz is sha256 " + sha256 + ". It was altered after it was"
                        + " published"));
    }

    @Test
    public void theSameDigestAgainNeverOpensTheContent() throws Exception {
        repository.publish(release, RepositoryFixtures.contentIn(artifact.getParent()), record);
        AtomicInteger opened = new AtomicInteger();

        Publication again =
                repository.publish(release, RepositoryFixtures.countingContentIn(artifact.getParent(), opened), record);

        assertFalse(again.stored());
        assertEquals(0, opened.get());
    }

    @Test
    public void aStreamWhoseBytesDoNotHaveTheApprovedDigestIsDeletedAndNothingIsVisible() throws Exception {
        ArtifactContent swapped =
                () -> new ByteArrayInputStream("swapped on the agent\n".getBytes(StandardCharsets.UTF_8));
        String actual =
                RepositoryFixtures.sha256(Files.writeString(tmp.newFile().toPath(), "swapped on the agent\n"));

        RepositoryException e =
                assertThrows(RepositoryException.class, () -> repository.publish(release, file -> swapped, record));

        assertTrue(e.isRefusal());
        assertThat(
                e.getMessage(),
                containsString("changed after its gates were evaluated: it was sha256 " + sha256 + " and is now sha256 "
                        + actual));
        assertThat(e.getMessage(), containsString("promote the bytes that were verified and approved"));
        assertNothingPublished();
    }

    @Test
    public void aStreamThatFailsMidwayLeavesNothingAndSaysTheSourceFailed() throws Exception {
        ArtifactContent failing = () -> new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                throw new IOException("single bytes are not read");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (++calls > 3) { // fails for good, as a closed channel does
                    throw new IOException("channel closed: agent went offline");
                }
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                return length;
            }
        };

        RepositoryException e =
                assertThrows(RepositoryException.class, () -> repository.publish(release, file -> failing, record));

        assertFalse(e.isRefusal());
        assertThat(
                e.getMessage(), containsString("Reading the bytes of app.tar.gz version 1.4.0 to publish them failed"));
        assertThat(e.getMessage(), containsString("agent went offline"));
        assertNothingPublished();
    }

    private RepositoryException assertRefused(Path link) {
        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository.publish(release, RepositoryFixtures.contentIn(artifact.getParent()), record));
        assertTrue(e.isRefusal());
        assertThat(e.getMessage(), containsString("Refusing to use " + link));
        assertThat(e.getMessage(), containsString("it is a symbolic link"));
        assertThat(e.getMessage(), containsString("never follows a link it did not create"));
        assertThat(e.getMessage(), containsString("Nothing was published. Remove the link"));
        return e;
    }

    /** No version, no blob, no temporary file, no staging slot, and nothing outside the root. */
    private void assertNothingPublished() throws IOException {
        assertFalse(Files.exists(root.resolve("shop/1.4.0"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(repository.blobPath(sha256), LinkOption.NOFOLLOW_LINKS));
        try (Stream<Path> files = Files.walk(root);
                Stream<Path> escaped = Files.walk(outside)) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)
                                    || p.getParent().endsWith(StagingArea.DIRECTORY)
                                            && !p.getFileName().toString().equals("publish.lock"))
                            .toList());
            assertEquals(List.of(outside), escaped.toList());
        }
    }
}
