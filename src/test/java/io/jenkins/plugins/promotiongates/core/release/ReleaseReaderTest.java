package io.jenkins.plugins.promotiongates.core.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.LocalFileTree;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReleaseReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LocalFileTree tree;

    @Before
    public void layOut() throws Exception {
        Path root = tmp.newFolder("ws").toPath();
        Files.createDirectories(root.resolve("dist"));
        Files.writeString(root.resolve("dist/web.tar.gz"), "web 1.4");
        Files.writeString(root.resolve("dist/api.tar.gz"), "api 1.4");
        Files.writeString(root.resolve("dist/sbom.json"), "{}");
        Files.writeString(root.resolve("README"), "not released");
        tree = new LocalFileTree(root, "the workspace");
    }

    private static ArtifactDigest sha256(String text) throws Exception {
        return ArtifactDigest.of(
                DigestAlgorithm.SHA256,
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aMultiFileReleaseHasEachFilesDigestAndSizeAndItsContentReadsTheSameFiles() throws Exception {
        ReadRelease read = new ReleaseReader()
                .read(
                        "shop",
                        "1.4.0",
                        ReleaseSource.required("promoteArtifact", "", "dist/*.tar.gz, dist/sbom.json", ""),
                        tree);
        Release release = read.release();
        assertEquals(
                List.of(
                        new ReleaseFile("api.tar.gz", sha256("api 1.4"), 7),
                        new ReleaseFile("sbom.json", sha256("{}"), 2),
                        new ReleaseFile("web.tar.gz", sha256("web 1.4"), 7)),
                release.files());
        assertEquals("shop", release.application());
        assertEquals(3, tree.opened());
        try (InputStream in = read.of(release.file("sbom.json").orElseThrow()).open()) {
            assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(4, tree.opened());
        assertEquals(
                "api.tar.gz  " + sha256("api 1.4") + "  7 bytes  (dist/api.tar.gz in the workspace)",
                read.lines().get(0));
        assertThrows(IllegalArgumentException.class, () -> read.of(new ReleaseFile("sbom.json", sha256("other"), 2)));
    }

    @Test
    public void oneArtifactIsAOneFileRelease() throws Exception {
        Release release = new ReleaseReader()
                .read("shop", "1.4.0", ReleaseSource.required("promoteArtifact", "dist/web.tar.gz", "", ""), tree)
                .release();
        assertEquals(Release.of("shop", "1.4.0", new ReleaseFile("web.tar.gz", sha256("web 1.4"), 7)), release);
        assertTrue(
                "one file: approvals bound to its file digest still approve it", release.approvedBy(sha256("web 1.4")));
    }

    @Test
    public void aMissingArtifactIsRefusedNamingIt() {
        ArtifactPathException refused = assertThrows(
                ArtifactPathException.class,
                () -> new ReleaseReader()
                        .read("shop", "1.4.0", ReleaseSource.required("p", "dist/missing.tar.gz", "", ""), tree));
        assertThat(refused.getMessage(), containsString("'dist/missing.tar.gz' does not exist"));
    }

    @Test
    public void aBadVersionOrApplicationIsRefusedBeforeAnyFileIsRead() {
        ReleaseSource source = ReleaseSource.required("p", "", "dist/*", "");
        assertThrows(IllegalArgumentException.class, () -> new ReleaseReader().read("shop", "../1", source, tree));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseReader().read("a b", "1.0", source, tree));
        assertEquals(0, tree.opened());
    }

    @Test
    public void aReleaseLargerThanTheLimitStopsBeforeReadingTheFileThatExceedsIt() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new ReleaseReader(10)
                        .read("shop", "1.4.0", ReleaseSource.required("p", "", "dist/*.tar.gz", ""), tree));
        assertThat(
                refused.getMessage(),
                containsString("files: 'dist/*.tar.gz': the release's files in the workspace"
                        + " exceed 10 bytes in all (at least 14 with 'dist/web.tar.gz')"));
        assertEquals("api.tar.gz was read, web.tar.gz was not", 1, tree.opened());
    }
}
