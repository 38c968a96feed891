package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The step builds the one verification request from its parameters, each into its own typed part. */
public class VerifySignatureStepRequestTest {

    @Test
    public void everyParameterBecomesItsPartOfTheRequest() {
        VerifySignatureStep step = new VerifySignatureStep("dist/app.tar.gz");
        step.setSignature(" dist/SHA256SUMS.sig ");
        step.setChecksums("dist/SHA256SUMS");
        step.setFormat("openpgp");
        step.setTrustedKeys("release-team, backup");
        step.setKeyCredentialsId("job-key");
        step.setEnvironment("production");
        step.setNamespace("file");
        step.setIdentity("Release <release@example.com>");
        assertEquals(
                VerificationRequest.forArtifact("dist/app.tar.gz")
                        .signature("dist/SHA256SUMS.sig")
                        .checksumList("dist/SHA256SUMS")
                        .format(SignatureFormat.OPENPGP)
                        .trustedKeys(List.of("release-team", "backup"))
                        .keyCredentialsId("job-key")
                        .environment("production")
                        .namespace("file")
                        .identity("Release <release@example.com>")
                        .build(),
                step.request());
    }

    @Test
    public void unsetParametersAreAbsentAndAutoDetects() {
        VerificationRequest request = new VerifySignatureStep("dist/app.tar.gz").request();
        assertEquals(Optional.empty(), request.signature());
        assertEquals(Optional.empty(), request.format());
        assertEquals(List.of(), request.trustedKeys());
        assertEquals(Optional.empty(), request.environment());
        assertEquals(Optional.empty(), request.keyCredentialsId());
    }
}
