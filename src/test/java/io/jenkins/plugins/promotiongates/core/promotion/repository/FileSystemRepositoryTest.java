package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    private Path artifact;
    private String sha256;
    private final ArtifactCoordinates coordinates = new ArtifactCoordinates("app.tar.gz", "1.4.0");
    private final byte[] record = "{\"environment\":\"production\"}".getBytes(StandardCharsets.UTF_8);

    @Before
    public void setUp() throws Exception {
        root = tmp.newFolder("repo").toPath();
        repository = new FileSystemRepository(root);
        artifact = tmp.newFile("app.tar.gz").toPath();
        Files.writeString(artifact, "release 1.4.0\n");
        sha256 = Fixtures.run("sha256sum", artifact.toString()).substring(0, 64);
    }

    @Test
    public void storesContentOnceAndLinksTheVersionPathWithChecksumAndRecord() throws Exception {
        Publication publication =
                repository.publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), record);

        Path stored = root.resolve("app.tar.gz/1.4.0/app.tar.gz");
        assertTrue(publication.stored());
        assertEquals(stored.toString(), publication.location());
        assertEquals(14, publication.size());
        assertTrue(Files.isSameFile(stored, repository.blobPath(sha256)));
        assertEquals(
                "app.tar.gz: OK\n",
                Fixtures.run(
                        "bash",
                        "-c",
                        "cd \"$1\" && sha256sum -c app.tar.gz.sha256",
                        "x",
                        stored.getParent().toString()));
        assertEquals(
                "{\"environment\":\"production\"}",
                Files.readString(stored.resolveSibling("app.tar.gz.promotion.json")));
        assertEquals(Optional.of(sha256), repository.existingDigest(coordinates).map(ArtifactDigest::hex));
        assertEquals(0, temporaries());
    }

    @Test
    public void theSameDigestAgainWritesNothing() throws Exception {
        repository.publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), record);
        long modified = Files.getLastModifiedTime(root.resolve("app.tar.gz/1.4.0/app.tar.gz"))
                .toMillis();

        Publication again = repository.publish(
                coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), "{\"other\":1}".getBytes());

        assertFalse(again.stored());
        assertEquals(
                modified,
                Files.getLastModifiedTime(root.resolve("app.tar.gz/1.4.0/app.tar.gz"))
                        .toMillis());
        assertEquals(
                "{\"environment\":\"production\"}",
                Files.readString(root.resolve("app.tar.gz/1.4.0/app.tar.gz.promotion.json")));
    }

    @Test
    public void aDifferentDigestUnderAnExistingVersionIsRefusedNamingBothDigests() throws Exception {
        repository.publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), record);
        Path other = tmp.newFile("other.tar.gz").toPath();
        Files.writeString(other, "something else\n");
        String otherSha = Fixtures.sha256(other);

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(coordinates, ArtifactContent.of(other), Fixtures.digest(otherSha), record));

        assertTrue(refusal.isRefusal());
        assertThat(
                refusal.getMessage(),
                containsString("Refusing to overwrite " + root.resolve("app.tar.gz/1.4.0/app.tar.gz")));
        assertThat(refusal.getMessage(), containsString("already holds sha256 " + sha256));
        assertThat(refusal.getMessage(), containsString("this artifact is sha256 " + otherSha));
        assertThat(refusal.getMessage(), containsString("promote this artifact under a new version"));
        assertEquals(sha256, Fixtures.sha256(root.resolve("app.tar.gz/1.4.0/app.tar.gz")));
    }

    @Test
    public void aFileThatNoLongerHasTheEvaluatedDigestIsRefusedAndNothingIsVisible() throws Exception {
        String evaluated = "a".repeat(64);

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(
                        coordinates, ArtifactContent.of(artifact), Fixtures.digest(evaluated), record));

        assertThat(
                refusal.getMessage(),
                containsString("changed after its gates were evaluated: it was sha256 " + evaluated
                        + " and is now sha256 " + sha256));
        assertFalse(Files.exists(root.resolve("app.tar.gz")));
        assertFalse(Files.exists(repository.blobPath(evaluated)));
        assertEquals(0, temporaries());
    }

    @Test
    public void anotherVersionOfTheSameContentReusesTheStoredBlob() throws Exception {
        repository.publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), record);
        Publication second = repository.publish(
                new ArtifactCoordinates("app.tar.gz", "1.4.1"),
                ArtifactContent.of(artifact),
                Fixtures.digest(sha256),
                null);

        assertTrue(second.stored());
        assertTrue(Files.isSameFile(root.resolve("app.tar.gz/1.4.1/app.tar.gz"), repository.blobPath(sha256)));
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
        for (String version : List.of("../../etc", "..", "/abs", "1.0/../../x", "", "a b")) {
            IllegalArgumentException e = assertThrows(
                    version, IllegalArgumentException.class, () -> new ArtifactCoordinates("app.jar", version));
            assertThat(
                    e.getMessage(),
                    containsString("The version '" + version + "' cannot be used in a repository path"));
        }
        IllegalArgumentException name =
                assertThrows(IllegalArgumentException.class, () -> new ArtifactCoordinates("..", "1.0"));
        assertThat(name.getMessage(), containsString("The artifact file name '..' cannot be used"));
        assertEquals("passwd", ArtifactCoordinates.of("../../etc/passwd", "1.0").name());
    }

    @Test
    public void malformedDigestsCannotReachARepository() {
        // The one digest type refuses the text before any repository call can be made with it.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.digest("ABC"));
        assertThat(e.getMessage(), containsString("test digest 'ABC' is not a digest"));
        assertFalse(Files.exists(root.resolve("app.tar.gz")));
    }

    private long temporaries() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                    .count();
        }
    }
}
