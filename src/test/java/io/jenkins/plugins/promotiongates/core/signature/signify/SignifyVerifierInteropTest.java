package io.jenkins.plugins.promotiongates.core.signature.signify;

import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.assertRejected;
import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.WholeMessageLimit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Signatures made by the real {@code signify-openbsd}: detached ({@code -S}) and signed checksum
 * lists ({@code -S -e} over {@code sha256sum --tag} output, as {@code signify -C} checks them).
 */
public class SignifyVerifierInteropTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path dir;
    private static Path artifact;
    private static String artifactSha256;

    private final SignifyVerifier verifier = new SignifyVerifier();

    @BeforeClass
    public static void generateKeysAndSignatures() throws Exception {
        dir = TEMP.getRoot().toPath();
        artifact = dir.resolve("app.tar.gz");
        byte[] content = new byte[400_000];
        new Random(13).nextBytes(content);
        Files.write(artifact, content);
        artifactSha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.writeString(dir.resolve("other.bin"), "another artifact\n");
        for (String key : List.of("release", "intruder")) {
            ExternalTool.run(dir, "signify-openbsd", "-G", "-n", "-p", key + ".pub", "-s", key + ".sec");
        }
        ExternalTool.run(dir, "signify-openbsd", "-S", "-s", "release.sec", "-m", "app.tar.gz", "-x", "detached.sig");
        ExternalTool.run(dir, "signify-openbsd", "-S", "-s", "intruder.sec", "-m", "app.tar.gz", "-x", "intruder.sig");
        ExternalTool.run(dir, "signify-openbsd", "-S", "-s", "release.sec", "-m", "other.bin", "-x", "other.sig");
        Files.writeString(
                dir.resolve("SHA256"), ExternalTool.run(dir, "sha256sum", "--tag", "app.tar.gz", "other.bin"));
        ExternalTool.run(dir, "signify-openbsd", "-S", "-e", "-s", "release.sec", "-m", "SHA256");
        ExternalTool.run(dir, "signify-openbsd", "-C", "-p", "release.pub", "-x", "SHA256.sig", "app.tar.gz");
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(dir.resolve(name));
    }

    private static List<TrustedKey> release() throws Exception {
        return List.of(new TrustedKey("release-signify", read("release.pub")));
    }

    @Test
    public void detachedSignatureVerifies() throws Exception {
        Verification verdict = verifier.verify(request(artifact, read("detached.sig"), release()));
        assertVerified(verdict, SignatureFormat.SIGNIFY, artifactSha256);
        assertEquals("Ed25519", verdict.algorithm());
        assertThat(verdict.keyFingerprint(), org.hamcrest.Matchers.matchesPattern("[0-9A-F]{1,16}"));
    }

    @Test
    public void signedChecksumListVerifiesTheArtifactLine() throws Exception {
        Verification verdict = verifier.verify(request(artifact, read("SHA256.sig"), release()));
        assertVerified(verdict, SignatureFormat.SIGNIFY, artifactSha256);
        assertThat(verdict.algorithm(), containsString("signed checksum list, SHA-256"));
        Path unlisted = Files.writeString(dir.resolve("unlisted.bin"), "x");
        assertRejected(
                verifier.verify(request(unlisted, read("SHA256.sig"), release())),
                "has no line for 'unlisted.bin'",
                "'app.tar.gz', 'other.bin'");
    }

    @Test
    public void reportsWhichOfSeveralTrustedKeysHasTheSignaturesKeyNumber() throws Exception {
        List<TrustedKey> keys = List.of(
                new TrustedKey("intruder-signify", read("intruder.pub")),
                new TrustedKey("ssh-team", "ssh-ed25519 AAAA ops\n".getBytes(StandardCharsets.US_ASCII)),
                new TrustedKey("release-signify", read("release.pub")));
        for (String signature : List.of("detached.sig", "SHA256.sig")) {
            Verification verdict = verifier.verify(request(artifact, read(signature), keys));
            assertVerified(verdict, SignatureFormat.SIGNIFY, artifactSha256);
            assertEquals(signature, "release-signify", verdict.trustedKey());
        }
        Verification intruder = verifier.verify(request(artifact, read("intruder.sig"), keys));
        assertVerified(intruder, SignatureFormat.SIGNIFY, artifactSha256);
        assertEquals("intruder-signify", intruder.trustedKey());
        assertEquals(
                "", verifier.verify(request(artifact, read("other.sig"), keys)).trustedKey());
    }

    @Test
    public void alteredChecksumListIsRefused() throws Exception {
        String text = new String(read("SHA256.sig"), StandardCharsets.US_ASCII);
        String altered = text.replace(artifactSha256, "0".repeat(64));
        assertRejected(
                verifier.verify(request(artifact, altered.getBytes(StandardCharsets.US_ASCII), release())),
                "embedded checksum list does not verify");
    }

    @Test
    public void wrongKeyModifiedEmptyAndOtherArtifactsAreRefused() throws Exception {
        assertRejected(
                verifier.verify(request(artifact, read("intruder.sig"), release())),
                "which is not among the trusted keys");
        byte[] content = Files.readAllBytes(artifact);
        content[content.length - 1] ^= 0x40;
        Path modified = Files.write(dir.resolve("modified.bin"), content);
        assertRejected(verifier.verify(request(modified, read("detached.sig"), release())), "does not match");
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertRejected(verifier.verify(request(empty, read("detached.sig"), release())), "does not match");
        assertRejected(verifier.verify(request(artifact, read("other.sig"), release())), "does not match");
    }

    @Test
    public void truncatedAndGarbageSignaturesAreRefused() throws Exception {
        byte[] signature = read("detached.sig");
        for (int length : new int[] {0, 19, 30, signature.length - 5}) {
            assertRejected(verifier.verify(request(artifact, Arrays.copyOf(signature, length), release())));
        }
        byte[] garbage = new byte[120];
        new Random(9).nextBytes(garbage);
        assertRejected(verifier.verify(request(artifact, garbage, release())), "not a signify signature");
    }

    @Test
    public void detachedSignatureOverTheSizeLimitIsRefusedWithTheRemedy() throws Exception {
        SignifyVerifier small = new SignifyVerifier(new StreamingDigester(), new WholeMessageLimit(4096));
        assertRejected(
                small.verify(request(artifact, read("detached.sig"), release())),
                "limit for that is 4096 bytes",
                "sha256sum --tag");
        assertVerified(
                small.verify(request(artifact, read("SHA256.sig"), release())),
                SignatureFormat.SIGNIFY,
                artifactSha256);
    }
}
