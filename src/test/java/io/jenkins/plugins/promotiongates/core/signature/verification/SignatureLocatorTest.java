package io.jenkins.plugins.promotiongates.core.signature.verification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SignatureLocatorTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void findsTheFirstSignatureNextToTheArtifact() throws IOException {
        Path workspace = temp.newFolder("ws").toPath();
        Files.createDirectories(workspace.resolve("dist"));
        Files.writeString(workspace.resolve("dist/app.tar.gz"), "app");
        Files.writeString(workspace.resolve("dist/app.tar.gz.minisig"), "sig");
        Files.writeString(workspace.resolve("dist/app.tar.gz.sha256"), "sum");
        ConfinedPath root = ConfinedPath.under(workspace);
        assertEquals("dist/app.tar.gz.minisig", SignatureLocator.locate(root, "dist/app.tar.gz", ""));
        assertEquals("other.sig", SignatureLocator.locate(root, "dist/app.tar.gz", "other.sig"));
    }

    @Test
    public void theArtifactItselfMustBeInTheWorkspace() throws IOException {
        Path workspace = temp.newFolder("ws2").toPath();
        assertThrows(
                ArtifactPathException.class,
                () -> SignatureLocator.locate(ConfinedPath.under(workspace), "../outside.tar.gz", "x.sig"));
    }

    @Test
    public void saysEveryNameItTried() throws IOException {
        Path workspace = temp.newFolder("ws").toPath();
        Files.createDirectories(workspace.resolve("dist/app.tar.gz.asc"));
        Files.writeString(workspace.resolve("dist/app.tar.gz"), "app");
        IOException e = assertThrows(
                IOException.class,
                () -> SignatureLocator.locate(ConfinedPath.under(workspace), "dist/app.tar.gz", null));
        assertEquals(
                "No signature found for 'dist/app.tar.gz': tried dist/app.tar.gz{.asc,.sig,.gpg,.p7s,.minisig,.sha256,.sha512}."
                        + " Pass signature: 'path/to/file' or put the signature next to the artifact.",
                e.getMessage());
    }
}
