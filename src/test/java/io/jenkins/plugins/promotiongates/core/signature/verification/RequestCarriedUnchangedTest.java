package io.jenkins.plugins.promotiongates.core.signature.verification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The engine's entry point carries the request the step built to every verifier it calls, the same object:
 * no part of it is packed again on the way, for a signature over the artifact or over a checksum list.
 */
public class RequestCarriedUnchangedTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    /** Records every input it is given and refuses them all. */
    private static final class RecordingVerifier implements SignatureVerifier {

        final List<VerifierInput> inputs = new ArrayList<>();

        @Override
        public SignatureFormat format() {
            return SignatureFormat.MINISIGN;
        }

        @Override
        public boolean recognizes(byte[] signature) {
            return true;
        }

        @Override
        public Verification verify(VerifierInput input) {
            inputs.add(input);
            return new Verification(
                    false, format(), "", null, -1, "", "", "", List.of(), "refused by the recording verifier");
        }
    }

    private final RecordingVerifier verifier = new RecordingVerifier();
    private final VerificationService service = new VerificationService(new SignatureVerifiers(List.of(verifier)));

    private ConfinedPath workspace() throws Exception {
        Path root = temp.getRoot().toPath();
        Files.createDirectories(root.resolve("dist"));
        Files.writeString(root.resolve("dist/app.tar.gz"), "app\n");
        Files.writeString(root.resolve("dist/app.tar.gz.minisig"), "signature\n");
        Files.writeString(root.resolve("dist/SHA256SUMS"), "list\n");
        Files.writeString(root.resolve("dist/SHA256SUMS.minisig"), "signature\n");
        return ConfinedPath.under(root);
    }

    @Test
    public void theVerifierGetsTheRequestAsBuilt() throws Exception {
        VerificationRequest request = VerificationRequest.forArtifact("dist/app.tar.gz")
                .format(SignatureFormat.MINISIGN)
                .identity("release@example.com")
                .build();
        LocatedVerification located = service.verify(workspace(), request, List.of(), AlgorithmPolicy.DEFAULT);
        assertEquals("found next to the artifact", "dist/app.tar.gz.minisig", located.signature());
        assertEquals(1, verifier.inputs.size());
        assertSame(request, verifier.inputs.get(0).request());
        assertEquals("dist/app.tar.gz", verifier.inputs.get(0).artifactName());
    }

    @Test
    public void aSignedChecksumListIsVerifiedWithTheSameRequest() throws Exception {
        VerificationRequest request = VerificationRequest.forArtifact("dist/app.tar.gz")
                .checksumList("dist/SHA256SUMS")
                .build();
        LocatedVerification located = service.verify(workspace(), request, List.of(), AlgorithmPolicy.DEFAULT);
        assertEquals("found next to the checksum list", "dist/SHA256SUMS.minisig", located.signature());
        assertEquals(1, verifier.inputs.size());
        assertSame(request, verifier.inputs.get(0).request());
        assertEquals(
                "the list's signature is checked over the list",
                "dist/SHA256SUMS",
                verifier.inputs.get(0).artifactName());
    }
}
