package io.jenkins.plugins.promotiongates.steps;

import static io.jenkins.plugins.promotiongates.core.signature.ExternalTool.sh;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationReport;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.LocatedVerification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Engine-level twin of {@code VerifySignatureStepJenkinsTest}: the agent-side part of
 * verifySignature, serialized as remoting sends it, run on a workspace with a real gpg signature.
 */
public class VerifySignatureCallableTest {

    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static File workspace;
    private static TrustedKey releaseKey;
    private static TrustedKey strangerKey;

    @BeforeClass
    public static void signWithGpg() throws Exception {
        Path dir = folder.getRoot().toPath();
        sh(dir, """
                mkdir -m 700 gh ws
                g() { gpg --homedir gh --batch --pinentry-mode loopback --passphrase '' --quiet "$@"; }
                g --quick-gen-key 'Release Team <release@example.org>' ed25519 sign never
                g --quick-gen-key 'Stranger <stranger@example.org>' ed25519 sign never
                g --armor --export release@example.org > release.asc
                g --armor --export stranger@example.org > stranger.asc
                printf 'hello promotion\\n' > ws/app.txt
                g -u release@example.org --armor --detach-sign -o ws/app.txt.asc ws/app.txt
                """);
        workspace = dir.resolve("ws").toFile();
        releaseKey = new TrustedKey("release-team", Files.readAllBytes(dir.resolve("release.asc")));
        strangerKey = new TrustedKey("stranger", Files.readAllBytes(dir.resolve("stranger.asc")));
    }

    private static Verification verify(String artifact, TrustedKey key) throws Exception {
        VerifySignatureCallable callable = roundTrip(
                new VerifySignatureCallable(artifact, "", "", "auto", "", "", List.of(key), AlgorithmPolicy.DEFAULT));
        LocatedVerification located = roundTrip(callable.invoke(workspace, null));
        assertEquals(artifact + ".asc", located.signature());
        return located.verification();
    }

    @Test
    public void aGpgSignatureNextToTheArtifactVerifies() throws Exception {
        Verification verification = verify("app.txt", releaseKey);
        assertEquals(verification.failure(), true, verification.verified());
        assertEquals(sh(workspace.toPath(), "sha256sum app.txt | cut -d' ' -f1").trim(), verification.artifactSha256());
        assertThat(verification.signerIdentity(), containsString("release@example.org"));
        assertEquals("openpgp", VerificationReport.asMap(verification).get("format"));
    }

    @Test
    public void anotherKeyFailsWithAMessageAndNoKeyMaterial() throws Exception {
        Verification verification = verify("app.txt", strangerKey);
        assertEquals(false, verification.verified());
        assertThat(verification.failure(), containsString("app.txt"));
        assertThat(verification.failure(), not(containsString("BEGIN PGP")));
        assertThat(VerificationReport.consoleLine(verification), not(containsString("BEGIN PGP")));
    }

    @Test
    public void pathsOutsideTheWorkspaceAreRefusedOnTheAgent() {
        assertThrows(ArtifactPathException.class, () -> verify("../release.asc", releaseKey));
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
