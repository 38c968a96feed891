package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Engine-level twin of the agent-side digest: runs the callable as the agent would, without a controller. */
public class WorkspaceDigestCallableTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void digestsOnTheAgentAndTravelsAsSerializedValues() throws Exception {
        File workspace = temp.newFolder("ws");
        Files.writeString(workspace.toPath().resolve("app.txt"), "abc");
        WorkspaceDigestCallable callable =
                roundTrip(new WorkspaceDigestCallable("app.txt", Set.of(DigestAlgorithm.SHA256)));
        Digests digests = roundTrip(callable.invoke(workspace, null));
        assertEquals(3, digests.size());
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                digests.hex(DigestAlgorithm.SHA256));
    }

    @Test
    public void refusesPathsLeavingTheWorkspace() throws Exception {
        File workspace = temp.newFolder("ws");
        WorkspaceDigestCallable callable = new WorkspaceDigestCallable("../etc/passwd", Set.of(DigestAlgorithm.SHA256));
        assertThrows(ArtifactPathException.class, () -> callable.invoke(workspace, null));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
