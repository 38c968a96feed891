package io.jenkins.plugins.promotiongates.core.signature.verification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * No downgrade to a checksum: where trusted keys are given, an unsigned checksum file (real
 * {@code sha256sum} output) is refused as a signature, whether it is detected where the signature was
 * expected or named with {@code format: 'checksum'}; only a checksum list signed by a trusted key counts.
 * Without trusted keys, a checksum file is still an integrity-only check with no trusted key.
 */
public class UnsignedChecksumDowngradeTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path workspace;
    private static List<TrustedKey> releaseKey;
    private static String sha256;

    private final VerificationService service = new VerificationService(SignatureVerifiers.standard());

    @BeforeClass
    public static void prepare() throws Exception {
        workspace = TEMP.newFolder("workspace").toPath();
        Path keys = TEMP.newFolder("keys").toPath();
        Files.writeString(workspace.resolve("app.tar.gz"), "release 1.4\n");
        String sums = ExternalTool.run(workspace, "sha256sum", "app.tar.gz");
        sha256 = sums.substring(0, 64);
        Files.writeString(workspace.resolve("SHA256SUMS"), sums);
        // The attack: plain sha256sum output where the signature was expected.
        Files.writeString(workspace.resolve("app.tar.gz.minisig"), sums);
        ExternalTool.run(keys, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.key");
        releaseKey = List.of(new TrustedKey("release-team", Files.readAllBytes(keys.resolve("m.pub"))));
        ExternalTool.run(
                workspace, "minisign", "-S", "-s", keys.resolve("m.key").toString(), "-m", "SHA256SUMS");
    }

    private Verification verify(
            String signature, Optional<String> checksums, List<TrustedKey> keys, Optional<SignatureFormat> format)
            throws IOException {
        return service.verify(
                        ConfinedPath.under(workspace),
                        VerificationRequest.forArtifact("app.tar.gz")
                                .signature(signature)
                                .checksumList(checksums.orElse(null))
                                .format(format.orElse(null))
                                .build(),
                        keys,
                        AlgorithmPolicy.DEFAULT)
                .verification();
    }

    private static void assertRefusedAsDowngrade(Verification verdict, String signatureFile) {
        assertFalse(verdict.verified());
        assertEquals("", verdict.trustedKey());
        assertThat(verdict.failure(), containsString("Signature check of 'app.tar.gz' failed"));
        assertThat(
                verdict.failure(),
                containsString("the signature file '" + signatureFile + "' is an unsigned checksum list"));
        assertThat(verdict.failure(), containsString("trusted keys (release-team) were given"));
        assertThat(verdict.failure(), containsString("An unsigned checksum list proves integrity, not who made it"));
        assertThat(verdict.failure(), containsString("gpg --detach-sign SHA256SUMS"));
        assertThat(verdict.failure(), containsString("pass it as checksums: 'SHA256SUMS'"));
    }

    @Test
    public void sha256sumOutputWhereTheSignatureWasExpectedIsRefusedWithTrustedKeys() throws Exception {
        assertRefusedAsDowngrade(
                verify("app.tar.gz.minisig", Optional.empty(), releaseKey, Optional.empty()), "app.tar.gz.minisig");
    }

    @Test
    public void aChecksumFileNamedWithFormatChecksumIsRefusedWithTrustedKeys() throws Exception {
        assertRefusedAsDowngrade(
                verify("SHA256SUMS", Optional.empty(), releaseKey, Optional.of(SignatureFormat.CHECKSUM)),
                "SHA256SUMS");
        assertRefusedAsDowngrade(verify("SHA256SUMS", Optional.empty(), releaseKey, Optional.empty()), "SHA256SUMS");
    }

    @Test
    public void aChecksumFileGivenAsTheSignatureOfAChecksumListIsRefused() throws Exception {
        assertRefusedAsDowngrade(
                verify("SHA256SUMS", Optional.of("SHA256SUMS"), releaseKey, Optional.empty()), "SHA256SUMS");
        Verification withoutKeys = verify("SHA256SUMS", Optional.of("SHA256SUMS"), List.of(), Optional.empty());
        assertFalse(withoutKeys.verified());
        assertThat(withoutKeys.failure(), containsString("is itself a checksum file, not a signature"));
        assertThat(withoutKeys.failure(), containsString("gpg --detach-sign SHA256SUMS"));
    }

    @Test
    public void aChecksumListSignedByATrustedKeyCounts() throws Exception {
        Verification verdict = verify("SHA256SUMS.minisig", Optional.of("SHA256SUMS"), releaseKey, Optional.empty());
        assertTrue(verdict.failure(), verdict.verified());
        assertEquals(SignatureFormat.MINISIGN, verdict.format());
        assertEquals("release-team", verdict.trustedKey());
        assertEquals(sha256, verdict.artifactDigest().hex());
    }

    @Test
    public void withoutTrustedKeysAChecksumFileIsStillAnIntegrityOnlyCheckWithNoTrustedKey() throws Exception {
        Verification verdict = verify("SHA256SUMS", Optional.empty(), List.of(), Optional.empty());
        assertTrue(verdict.failure(), verdict.verified());
        assertEquals(SignatureFormat.CHECKSUM, verdict.format());
        assertEquals(sha256, verdict.artifactDigest().hex());
        assertEquals("", verdict.trustedKey());
        assertEquals("", verdict.keyFingerprint());
        assertEquals(List.of(ChecksumVerifier.INTEGRITY_ONLY), verdict.warnings());
    }
}
