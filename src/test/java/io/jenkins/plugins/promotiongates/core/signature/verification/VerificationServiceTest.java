package io.jenkins.plugins.promotiongates.core.signature.verification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.UndetectedFormatException;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The shared entry point: workspace paths refused before reading, size caps, detection, and
 * checksum lists signed by another format.
 */
public class VerificationServiceTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path workspace;
    private static Path outside;
    private static List<TrustedKey> minisignKey;
    private static List<TrustedKey> sshKeys;
    private static List<TrustedKey> signifyKey;

    private final VerificationService service = new VerificationService(SignatureVerifiers.standard());

    @BeforeClass
    public static void prepareWorkspace() throws Exception {
        workspace = TEMP.newFolder("workspace").toPath();
        outside = TEMP.newFolder("outside").toPath();
        Path dist = Files.createDirectory(workspace.resolve("dist"));
        byte[] content = new byte[200_000];
        new Random(23).nextBytes(content);
        Files.write(dist.resolve("app.tar.gz"), content);
        Files.writeString(dist.resolve("notes.txt"), "notes\n");
        Files.write(dist.resolve("big.bin"), new byte[1024 * 1024 + 1]);
        Path keys = TEMP.newFolder("keys").toPath();
        ExternalTool.run(keys, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.key");
        ExternalTool.run(keys, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ssh");
        ExternalTool.run(keys, "signify-openbsd", "-G", "-n", "-p", "s.pub", "-s", "s.sec");
        minisignKey = List.of(new TrustedKey("minisign", Files.readAllBytes(keys.resolve("m.pub"))));
        signifyKey = List.of(new TrustedKey("signify", Files.readAllBytes(keys.resolve("s.pub"))));
        sshKeys = List.of(new TrustedKey("ssh", Files.readAllBytes(keys.resolve("ssh.pub"))));
        Files.writeString(dist.resolve("SHA256SUMS"), ExternalTool.run(dist, "sha256sum", "app.tar.gz", "notes.txt"));
        String key = keys.resolve("m.key").toString();
        ExternalTool.run(dist, "minisign", "-S", "-s", key, "-m", "app.tar.gz");
        ExternalTool.run(dist, "minisign", "-S", "-s", key, "-m", "SHA256SUMS");
        ExternalTool.run(
                dist, "ssh-keygen", "-Y", "sign", "-f", keys.resolve("ssh").toString(), "-n", "file", "app.tar.gz");
        ExternalTool.run(
                dist,
                "signify-openbsd",
                "-S",
                "-s",
                keys.resolve("s.sec").toString(),
                "-m",
                "app.tar.gz",
                "-x",
                "app.tar.gz.signify");
        Files.write(outside.resolve("secret.bin"), content);
        Files.createSymbolicLink(dist.resolve("escape.bin"), outside.resolve("secret.bin"));
        Files.createDirectory(dist.resolve("folder"));
        ExternalTool.run(dist, "mkfifo", "pipe");
    }

    /** A request with the key material the caller loaded for it. */
    private record Check(VerificationRequest request, List<TrustedKey> keys) {}

    private static Check check(String artifact, String signature, List<TrustedKey> keys) {
        return new Check(
                VerificationRequest.forArtifact(artifact).signature(signature).build(), keys);
    }

    private Verification verify(Check check) throws IOException {
        return service.verify(ConfinedPath.under(workspace), check.request(), check.keys(), AlgorithmPolicy.DEFAULT)
                .verification();
    }

    @Test
    public void detectsEachFormatAndVerifies() throws Exception {
        assertEquals(
                SignatureFormat.MINISIGN,
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.minisig", minisignKey))
                        .format());
        assertEquals(
                SignatureFormat.SSH,
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.sig", sshKeys)).format());
        assertEquals(
                SignatureFormat.SIGNIFY,
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.signify", signifyKey))
                        .format());
        Verification checksum = verify(check("dist/app.tar.gz", "dist/SHA256SUMS", List.of()));
        assertTrue(checksum.verified());
        assertEquals(List.of(ChecksumVerifier.INTEGRITY_ONLY), checksum.warnings());
        for (Verification verdict : List.of(
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.minisig", minisignKey)),
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.sig", sshKeys)))) {
            assertTrue(verdict.failure(), verdict.verified());
        }
    }

    @Test
    public void checksumListSignedByAnotherFormatIsVerifiedThenMatched() throws Exception {
        Check signedList = new Check(
                VerificationRequest.forArtifact("dist/app.tar.gz")
                        .signature("dist/SHA256SUMS.minisig")
                        .checksumList("dist/SHA256SUMS")
                        .build(),
                minisignKey);
        Verification verdict = verify(signedList);
        assertTrue(verdict.failure(), verdict.verified());
        assertEquals(SignatureFormat.MINISIGN, verdict.format());
        assertThat(verdict.algorithm(), containsString("checksum list 'dist/SHA256SUMS' (SHA-256)"));
        assertFalse(verdict.keyFingerprint().isEmpty());
        assertEquals("minisign", verdict.trustedKey());
        assertEquals(200_000, verdict.artifactSize());

        Verification wrongKey = verify(new Check(
                VerificationRequest.forArtifact("dist/app.tar.gz")
                        .signature("dist/SHA256SUMS.minisig")
                        .checksumList("dist/SHA256SUMS")
                        .build(),
                signifyKey));
        assertFalse(wrongKey.verified());
        assertThat(wrongKey.failure(), containsString("its checksum list 'dist/SHA256SUMS' is not validly signed"));
        assertEquals("", wrongKey.trustedKey());

        Verification unlisted = verify(new Check(
                VerificationRequest.forArtifact("dist/app.tar.gz.sig")
                        .signature("dist/SHA256SUMS.minisig")
                        .checksumList("dist/SHA256SUMS")
                        .build(),
                minisignKey));
        assertFalse(unlisted.verified());
        assertThat(unlisted.failure(), containsString("has no line for 'app.tar.gz.sig'"));
    }

    @Test
    public void reportsWhichOfSeveralTrustedKeysVerifiedEachSignatureAndSignedList() throws Exception {
        List<TrustedKey> all = new ArrayList<>(signifyKey);
        all.addAll(sshKeys);
        all.addAll(minisignKey);
        assertEquals(
                "signify",
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.signify", all)).trustedKey());
        assertEquals(
                "ssh",
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.sig", all)).trustedKey());
        assertEquals(
                "minisign",
                verify(check("dist/app.tar.gz", "dist/app.tar.gz.minisig", all)).trustedKey());
        Verification signedList = verify(new Check(
                VerificationRequest.forArtifact("dist/app.tar.gz")
                        .signature("dist/SHA256SUMS.minisig")
                        .checksumList("dist/SHA256SUMS")
                        .build(),
                all));
        assertTrue(signedList.failure(), signedList.verified());
        assertEquals("the list signature's key", "minisign", signedList.trustedKey());
        Verification unsigned = verify(check("dist/app.tar.gz", "dist/SHA256SUMS", all));
        assertFalse("with trusted keys, an unsigned list is refused (no downgrade)", unsigned.verified());
        assertThat(unsigned.failure(), containsString("'dist/SHA256SUMS' is an unsigned checksum list"));
        assertEquals("an unsigned list names no key", "", unsigned.trustedKey());
    }

    @Test(timeout = 20_000)
    public void unsafeArtifactAndSignaturePathsAreRefusedBeforeReading() throws Exception {
        String[][] refused = {
            {workspace.resolve("dist/app.tar.gz").toString(), "is absolute"},
            {"dist/../dist/app.tar.gz", "'..'"},
            {"dist/escape.bin", "leads outside the workspace"},
            {"dist/folder", "a directory"},
            {"dist/missing.bin", "does not exist"},
            {"dist/pipe", "special file"},
        };
        for (String[] path : refused) {
            ArtifactPathException asArtifact = assertThrows(
                    ArtifactPathException.class, () -> verify(check(path[0], "dist/app.tar.gz.minisig", minisignKey)));
            assertThat(asArtifact.getMessage(), containsString(path[1]));
            ArtifactPathException asSignature = assertThrows(
                    ArtifactPathException.class, () -> verify(check("dist/app.tar.gz", path[0], minisignKey)));
            assertThat(asSignature.getMessage(), containsString(path[1]));
            ArtifactPathException asList = assertThrows(
                    ArtifactPathException.class,
                    () -> verify(new Check(
                            VerificationRequest.forArtifact("dist/app.tar.gz")
                                    .signature("dist/SHA256SUMS.minisig")
                                    .checksumList(path[0])
                                    .build(),
                            minisignKey)));
            assertThat(asList.getMessage(), containsString(path[1]));
        }
    }

    @Test
    public void oversizedSignatureFileIsRefusedNamingTheCap() throws Exception {
        IOException error =
                assertThrows(IOException.class, () -> verify(check("dist/app.tar.gz", "dist/big.bin", minisignKey)));
        assertEquals(
                "The signature file 'dist/big.bin' is larger than 1048576 bytes, the limit for such files. "
                        + "Check that you named the signature file and not the artifact itself.",
                error.getMessage());
    }

    @Test
    public void undetectableSignatureAsksForTheFormat() throws Exception {
        UndetectedFormatException error = assertThrows(
                UndetectedFormatException.class, () -> verify(check("dist/app.tar.gz", "dist/notes.txt", minisignKey)));
        assertThat(error.getMessage(), containsString("signature file 'dist/notes.txt' is not recognized"));
        assertThat(error.getMessage(), containsString("format:"));
    }

    @Test
    public void explicitFormatSkipsDetection() throws Exception {
        Verification verdict = verify(new Check(
                VerificationRequest.forArtifact("dist/app.tar.gz")
                        .signature("dist/app.tar.gz.minisig")
                        .format(SignatureFormat.SSH)
                        .build(),
                sshKeys));
        assertFalse(verdict.verified());
        assertEquals(SignatureFormat.SSH, verdict.format());
        UndetectedFormatException unsupported = assertThrows(
                UndetectedFormatException.class,
                () -> new VerificationService(new SignatureVerifiers(List.of(new ChecksumVerifier())))
                        .verify(
                                ConfinedPath.under(workspace),
                                VerificationRequest.forArtifact("dist/app.tar.gz")
                                        .signature("dist/app.tar.gz.sig")
                                        .format(SignatureFormat.SSH)
                                        .build(),
                                sshKeys,
                                AlgorithmPolicy.DEFAULT));
        assertThat(
                unsupported.getMessage(), containsString("'ssh' is not supported by this build; supported: checksum"));
    }
}
