package io.jenkins.plugins.promotiongates.core.artifact;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ConfinedPathTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path workspace;
    private Path outside;
    private ConfinedPath confined;

    @Before
    public void layOut() throws IOException {
        workspace = temp.newFolder("workspace").toPath();
        outside = temp.newFolder("outside").toPath();
        Files.createDirectories(workspace.resolve("target"));
        Files.writeString(workspace.resolve("target/app.jar"), "app");
        Files.writeString(outside.resolve("secret.key"), "secret");
        confined = ConfinedPath.under(workspace);
    }

    @Test
    public void resolvesARegularFileInsideTheRoot() throws IOException {
        assertEquals(workspace.toRealPath().resolve("target/app.jar"), confined.resolveFile("target/app.jar"));
        assertEquals(workspace.toRealPath().resolve("target/app.jar"), confined.resolveFile("./target/app.jar"));
    }

    @Test
    public void followsASymlinkThatStaysInside() throws IOException {
        Files.createSymbolicLink(workspace.resolve("latest.jar"), Path.of("target/app.jar"));
        assertEquals(workspace.toRealPath().resolve("target/app.jar"), confined.resolveFile("latest.jar"));
    }

    @Test
    public void refusesAbsolutePaths() {
        String absolute = outside.resolve("secret.key").toString();
        assertRefused(absolute, "is absolute");
        assertRefused("/etc/passwd", "is absolute");
    }

    @Test
    public void refusesParentSegments() {
        assertRefused("../outside/secret.key", "contains a '..' segment");
        assertRefused("target/../../outside/secret.key", "contains a '..' segment");
        assertRefused("target/..", "contains a '..' segment");
    }

    @Test
    public void refusesSymlinksLeavingTheRoot() throws IOException {
        Files.createSymbolicLink(workspace.resolve("escape.key"), outside.resolve("secret.key"));
        assertRefused("escape.key", "symbolic link that leads outside the workspace");
        Files.createSymbolicLink(workspace.resolve("escape-dir"), outside);
        assertRefused("escape-dir/secret.key", "symbolic link that leads outside the workspace");
    }

    @Test
    public void refusesDirectoriesMissingFilesAndEmptyNames() {
        assertRefused("target", "is a directory, not a regular file");
        assertRefused("target/missing.jar", "does not exist");
        assertRefused("", "is empty");
        assertRefused("  ", "is empty");
        assertRefused(null, "is empty");
        assertRefused("target/app.jar\0.txt", "contains a NUL character");
    }

    @Test
    public void refusesAFifoBeforeOpeningIt() throws Exception {
        Path fifo = workspace.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue("mkfifo is not available", false);
            return;
        }
        assertEquals(true, mkfifo.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mkfifo.exitValue());
        // Opening a FIFO with no writer would block forever; the check must come first.
        assertRefused("pipe", "is a special file (device, FIFO or socket), not a regular file");
    }

    @Test
    public void messageNamesThePathTheReasonAndTheRemedy() {
        ArtifactPathException e = assertThrows(ArtifactPathException.class, () -> confined.resolveFile("../x"));
        assertEquals(
                "Artifact path '../x' contains a '..' segment. Give a path that stays inside the workspace, without '..'.",
                e.getMessage());
    }

    private void assertRefused(String path, String reason) {
        ArtifactPathException e = assertThrows(ArtifactPathException.class, () -> confined.resolveFile(path));
        assertThat(e.getMessage(), containsString(reason));
    }
}
