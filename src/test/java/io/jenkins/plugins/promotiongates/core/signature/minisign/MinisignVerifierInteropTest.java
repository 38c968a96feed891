package io.jenkins.plugins.promotiongates.core.signature.minisign;

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
import java.util.Optional;
import java.util.Random;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Signatures made by the real {@code minisign}, prehashed and legacy, verified by {@link MinisignVerifier}.
 * That a legacy signature is accepted with a warning is a row of {@code WeakAlgorithmMatrixTest}.
 */
public class MinisignVerifierInteropTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path dir;
    private static Path artifact;
    private static String artifactSha256;

    private final MinisignVerifier verifier = new MinisignVerifier();

    @BeforeClass
    public static void generateKeysAndSignatures() throws Exception {
        dir = TEMP.getRoot().toPath();
        artifact = dir.resolve("app.tar.gz");
        byte[] content = new byte[500_000];
        new Random(11).nextBytes(content);
        Files.write(artifact, content);
        artifactSha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.writeString(dir.resolve("other.bin"), "another artifact\n");
        for (String key : List.of("release", "intruder")) {
            ExternalTool.run(dir, "minisign", "-G", "-W", "-p", key + ".pub", "-s", key + ".key");
        }
        ExternalTool.run(
                dir,
                "minisign",
                "-S",
                "-s",
                "release.key",
                "-m",
                "app.tar.gz",
                "-t",
                "release 1.2.3",
                "-x",
                "prehashed.minisig");
        ExternalTool.run(dir, "minisign", "-S", "-l", "-s", "release.key", "-m", "app.tar.gz", "-x", "legacy.minisig");
        ExternalTool.run(dir, "minisign", "-S", "-s", "intruder.key", "-m", "app.tar.gz", "-x", "intruder.minisig");
        ExternalTool.run(dir, "minisign", "-S", "-s", "release.key", "-m", "other.bin", "-x", "other.minisig");
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(dir.resolve(name));
    }

    private static List<TrustedKey> release() throws Exception {
        return List.of(new TrustedKey("release-minisign", read("release.pub")));
    }

    @Test
    public void prehashedSignatureVerifiesWithKeyIdAndTrustedComment() throws Exception {
        Verification verdict = verifier.verify(request(artifact, read("prehashed.minisig"), release()));
        assertVerified(verdict, SignatureFormat.MINISIGN, artifactSha256);
        assertEquals("release 1.2.3", verdict.signerIdentity());
        assertEquals(MinisignVerifier.PREHASHED_ALGORITHM, verdict.algorithm());
        String publicKeyComment =
                Files.readString(dir.resolve("release.pub")).lines().findFirst().orElseThrow();
        assertThat(publicKeyComment, containsString(verdict.keyFingerprint()));
        assertEquals(List.of(), verdict.warnings());
    }

    @Test
    public void legacySignatureOverTheSizeLimitIsRefusedWithTheRemedy() throws Exception {
        MinisignVerifier small = new MinisignVerifier(new StreamingDigester(), new WholeMessageLimit(1000));
        assertRejected(
                small.verify(request(artifact, read("legacy.minisig"), release())),
                "limit for that is 1000 bytes",
                "without -l (prehashed)");
        assertVerified(
                small.verify(request(artifact, read("prehashed.minisig"), release())),
                SignatureFormat.MINISIGN,
                artifactSha256);
    }

    @Test
    public void reportsWhichOfSeveralTrustedKeysHasTheSignaturesKeyId() throws Exception {
        List<TrustedKey> keys = List.of(
                new TrustedKey("intruder-minisign", read("intruder.pub")),
                new TrustedKey("ssh-team", "ssh-ed25519 AAAA ops\n".getBytes(StandardCharsets.US_ASCII)),
                new TrustedKey("release-minisign", read("release.pub")));
        for (String signature : List.of("prehashed.minisig", "legacy.minisig")) {
            Verification verdict = verifier.verify(request(artifact, read(signature), keys));
            assertVerified(verdict, SignatureFormat.MINISIGN, artifactSha256);
            assertEquals(signature, "release-minisign", verdict.trustedKey());
        }
        Verification intruder = verifier.verify(request(artifact, read("intruder.minisig"), keys));
        assertVerified(intruder, SignatureFormat.MINISIGN, artifactSha256);
        assertEquals("intruder-minisign", intruder.trustedKey());
        assertEquals(
                "",
                verifier.verify(request(artifact, read("other.minisig"), keys)).trustedKey());
    }

    @Test
    public void wrongKeyIsRefusedNamingBothKeyIds() throws Exception {
        Verification verdict = verifier.verify(request(artifact, read("intruder.minisig"), release()));
        assertRejected(verdict, "which is not among the trusted keys");
    }

    @Test
    public void modifiedEmptyAndOtherArtifactsAreRefused() throws Exception {
        for (String signature : List.of("prehashed.minisig", "legacy.minisig")) {
            byte[] content = Files.readAllBytes(artifact);
            content[0] ^= 1;
            Path modified = Files.write(dir.resolve("modified.bin"), content);
            assertRejected(verifier.verify(request(modified, read(signature), release())), "does not match");
            Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
            assertRejected(verifier.verify(request(empty, read(signature), release())), "does not match");
        }
        assertRejected(verifier.verify(request(artifact, read("other.minisig"), release())), "does not match");
    }

    @Test
    public void alteredTrustedCommentIsRefused() throws Exception {
        String text =
                new String(read("prehashed.minisig"), StandardCharsets.UTF_8).replace("release 1.2.3", "release 9.9.9");
        assertRejected(
                verifier.verify(request(artifact, text.getBytes(StandardCharsets.UTF_8), release())),
                "global signature over the trusted comment does not verify");
    }

    @Test
    public void truncatedAndGarbageSignaturesAreRefused() throws Exception {
        byte[] signature = read("prehashed.minisig");
        for (int length : new int[] {0, 10, 40, 120, signature.length - 30}) {
            assertRejected(verifier.verify(request(artifact, Arrays.copyOf(signature, length), release())));
        }
        byte[] garbage = new byte[200];
        new Random(5).nextBytes(garbage);
        assertRejected(verifier.verify(request(artifact, garbage, release())), "not a minisign signature");
    }

    @Test
    public void identityCannotBeCheckedAndSaysSo() throws Exception {
        assertRejected(
                verifier.verify(request(
                        artifact, read("prehashed.minisig"), release(), Optional.empty(), Optional.of("alice"))),
                "carry no signer identity");
    }

    @Test
    public void nonMinisignKeysAreReportedByName() throws Exception {
        List<TrustedKey> pem = List.of(
                new TrustedKey("corp-pem", "-----BEGIN PUBLIC KEY-----\nMCow\n".getBytes(StandardCharsets.US_ASCII)));
        assertRejected(
                verifier.verify(request(artifact, read("prehashed.minisig"), pem)),
                "none of the trusted keys ('corp-pem') is a minisign public key");
    }
}
