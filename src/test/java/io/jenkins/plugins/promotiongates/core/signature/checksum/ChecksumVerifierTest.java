package io.jenkins.plugins.promotiongates.core.signature.checksum;

import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.assertRejected;
import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Checksum files written by the real sha256sum/sha512sum, in GNU and BSD ({@code --tag}) format. Lists
 * that give only MD5 or SHA-1 are rows of {@code WeakAlgorithmMatrixTest}.
 */
public class ChecksumVerifierTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ChecksumVerifier verifier = new ChecksumVerifier();
    private Path dir;
    private Path artifact;
    private String sha256;

    @Before
    public void writeArtifact() throws Exception {
        dir = temp.getRoot().toPath();
        artifact = dir.resolve("app.tar.gz");
        byte[] content = new byte[70_000];
        new Random(17).nextBytes(content);
        Files.write(artifact, content);
        Files.writeString(dir.resolve("b.txt"), "b\n");
        sha256 = ExternalTool.run(dir, "sha256sum", "app.tar.gz").substring(0, 64);
    }

    private Verification check(String list) throws Exception {
        return verifier.verify(request(artifact, list.getBytes(StandardCharsets.UTF_8), List.of()));
    }

    @Test
    public void everyFormatTheToolsWriteVerifiesAsIntegrityOnly() throws Exception {
        for (String[] command : List.of(
                new String[] {"sha256sum", "b.txt", "app.tar.gz"},
                new String[] {"sha512sum", "app.tar.gz"},
                new String[] {"sha384sum", "-b", "app.tar.gz"},
                new String[] {"sha256sum", "--tag", "b.txt", "app.tar.gz"},
                new String[] {"sha512sum", "--tag", "app.tar.gz"},
                new String[] {"openssl", "dgst", "-sha256", "app.tar.gz"})) {
            Verification verdict = check(ExternalTool.run(dir, command));
            assertVerified(verdict, SignatureFormat.CHECKSUM, sha256);
            assertEquals(List.of(ChecksumVerifier.INTEGRITY_ONLY), verdict.warnings());
            assertEquals("", verdict.signerIdentity());
            assertEquals("", verdict.keyFingerprint());
        }
        assertEquals(
                "SHA-512",
                check(ExternalTool.run(dir, "sha512sum", "app.tar.gz")).algorithm());
    }

    @Test
    public void anUnsignedListNamesNoTrustedKeyEvenWhenSeveralAreGiven() throws Exception {
        List<TrustedKey> keys = List.of(
                new TrustedKey("ssh-team", "ssh-ed25519 AAAA ops\n".getBytes(StandardCharsets.US_ASCII)),
                new TrustedKey("release-team", "-----BEGIN PUBLIC KEY-----\n".getBytes(StandardCharsets.US_ASCII)));
        Verification verdict = verifier.verify(request(
                artifact, ExternalTool.run(dir, "sha256sum", "app.tar.gz").getBytes(StandardCharsets.UTF_8), keys));
        assertVerified(verdict, SignatureFormat.CHECKSUM, sha256);
        assertEquals("", verdict.trustedKey());
        assertEquals("", verdict.keyFingerprint());
    }

    @Test
    public void linesWithDirectoriesAndDotSlashMatchTheArtifactName() throws Exception {
        assertVerified(check(sha256 + "  ./app.tar.gz\n"), SignatureFormat.CHECKSUM, sha256);
        assertVerified(check("# release 1\n\n" + sha256 + " *dist/app.tar.gz\r\n"), SignatureFormat.CHECKSUM, sha256);
    }

    @Test
    public void mismatchNamesBothDigestsAndTheLine() throws Exception {
        String wrong = "0".repeat(64);
        assertRejected(
                check(ExternalTool.run(dir, "sha256sum", "b.txt") + wrong + "  app.tar.gz\n"),
                "differs from the one on line 2",
                wrong,
                sha256);
    }

    @Test
    public void everyMatchingLineMustAgree() throws Exception {
        String sha512 = ExternalTool.run(dir, "sha512sum", "app.tar.gz");
        assertVerified(check(sha256 + "  app.tar.gz\n" + sha512), SignatureFormat.CHECKSUM, sha256);
        assertRejected(check(sha256 + "  app.tar.gz\n" + "f".repeat(128) + "  app.tar.gz\n"), "SHA-512 digest");
    }

    @Test
    public void missingLineAndMalformedFilesAreRefused() throws Exception {
        assertRejected(check(ExternalTool.run(dir, "sha256sum", "b.txt")), "has no line for 'app.tar.gz'", "'b.txt'");
        assertRejected(check(sha256 + "  app.tar.gz\nthis is not a checksum\n"), "line 2 of the checksum file");
        assertRejected(check("SHA256 (app.tar.gz) = abcd\n"), "4 hex digits instead of 64");
        assertRejected(check(""), "lists no checksums");
        assertRejected(
                verifier.verify(request(artifact, new byte[] {(byte) 0xff, (byte) 0xfe}, List.of())), "not UTF-8");
    }

    @Test
    public void escapedNamesAsCoreutilsWritesThem() throws Exception {
        Path odd = Files.writeString(dir.resolve("a\\b.txt"), "odd\n");
        String line = ExternalTool.run(dir, "sha256sum", "a\\b.txt");
        assertTrue(line.startsWith("\\"));
        Verification verdict = verifier.verify(io.jenkins.plugins.promotiongates.core.signature.VerifierInput.of(
                io.jenkins.plugins.promotiongates.core.signature.VerificationRequest.forArtifact("a\\b.txt")
                        .build(),
                ArtifactContent.of(odd),
                "SUMS",
                line.getBytes(StandardCharsets.UTF_8),
                List.of(),
                io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy.DEFAULT));
        assertTrue(verdict.failure(), verdict.verified());
    }

    @Test
    public void identityIsRefusedForAnUnsignedList() throws Exception {
        assertRejected(
                verifier.verify(request(
                        artifact,
                        (sha256 + "  app.tar.gz\n").getBytes(StandardCharsets.UTF_8),
                        List.of(),
                        Optional.empty(),
                        Optional.of("alice"))),
                "has no signer");
    }

    @Test
    public void recognizesOnlyChecksumText() throws Exception {
        assertTrue(verifier.recognizes(
                ExternalTool.run(dir, "sha256sum", "--tag", "b.txt").getBytes(StandardCharsets.UTF_8)));
        assertFalse(verifier.recognizes("untrusted comment: x\nRWQ=\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(verifier.recognizes(new byte[0]));
    }
}
