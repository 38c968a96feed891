package io.jenkins.plugins.promotiongates.core.signature.ssh;

import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.assertRejected;
import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.Verdicts.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hamcrest.Matchers;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * SSHSIG signatures made by the real {@code ssh-keygen -Y sign}, verified by {@link SshVerifier}. A weak
 * key (RSA-1024) is a row of {@code WeakAlgorithmMatrixTest}.
 */
public class SshVerifierInteropTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final String[][] KEYS = {
        {"ed25519", "-t", "ed25519"},
        {"p256", "-t", "ecdsa", "-b", "256"},
        {"p384", "-t", "ecdsa", "-b", "384"},
        {"p521", "-t", "ecdsa", "-b", "521"},
        {"rsa3072", "-t", "rsa", "-b", "3072"},
    };

    private static Path dir;
    private static Path artifact;
    private static Path other;
    private static String artifactSha256;

    private final SshVerifier verifier = new SshVerifier(new StreamingDigester(), Clock.systemUTC());

    @BeforeClass
    public static void generateKeysAndSignatures() throws Exception {
        dir = TEMP.getRoot().toPath();
        artifact = dir.resolve("app.tar.gz");
        byte[] content = new byte[300_001];
        new Random(7).nextBytes(content);
        Files.write(artifact, content);
        artifactSha256 = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        other = dir.resolve("other.bin");
        Files.writeString(other, "another artifact\n");
        for (String[] key : KEYS) {
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q"));
            command.addAll(Arrays.asList(key).subList(1, key.length));
            command.addAll(List.of("-N", "", "-C", key[0] + "@example.com", "-f", key[0]));
            ExternalTool.run(dir, command.toArray(new String[0]));
            Files.writeString(
                    dir.resolve(key[0] + ".allowed"),
                    "alice@example.com,release-*@example.com " + Files.readString(dir.resolve(key[0] + ".pub")));
            sign(key[0], "app.tar.gz", "file");
        }
        sign("ed25519", "other.bin", "file");
        sign("ed25519", "app.tar.gz", "git");
    }

    /** Signs with ssh-keygen and keeps the signature as NAME.KEY.NAMESPACE.sig. */
    private static void sign(String key, String file, String namespace) throws Exception {
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", key, "-n", namespace, file);
        Files.move(dir.resolve(file + ".sig"), dir.resolve(file + "." + key + "." + namespace + ".sig"));
    }

    private static byte[] signature(String file, String key, String namespace) throws Exception {
        return Files.readAllBytes(dir.resolve(file + "." + key + "." + namespace + ".sig"));
    }

    private static List<TrustedKey> allowed(String key) throws Exception {
        return List.of(new TrustedKey("release-signers", Files.readAllBytes(dir.resolve(key + ".allowed"))));
    }

    private Verification verify(Path file, byte[] signature, List<TrustedKey> keys, String identity) throws Exception {
        return verifier.verify(request(file, signature, keys, Optional.empty(), Optional.ofNullable(identity)));
    }

    @Test
    public void everyKeyTypeThatSshKeygenSignsWithVerifies() throws Exception {
        for (String key : List.of("ed25519", "p256", "p384", "p521", "rsa3072")) {
            Verification verdict =
                    verify(artifact, signature("app.tar.gz", key, "file"), allowed(key), "alice@example.com");
            assertVerified(verdict, SignatureFormat.SSH, artifactSha256);
            assertEquals(300_001, verdict.artifactSize());
            assertEquals("alice@example.com", verdict.signerIdentity());
            String fingerprint = ExternalTool.run(dir, "ssh-keygen", "-l", "-f", key + ".pub")
                    .split(" ")[1];
            assertEquals(key, fingerprint, verdict.keyFingerprint());
        }
        assertThat(
                verify(artifact, signature("app.tar.gz", "rsa3072", "file"), allowed("rsa3072"), null)
                        .algorithm(),
                Matchers.containsString("RSA-3072/SHA-512"));
    }

    @Test
    public void agreesWithSshKeygenVerify() throws Exception {
        String out = ExternalTool.runWithInput(
                dir,
                artifact,
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                "p256.allowed",
                "-I",
                "alice@example.com",
                "-n",
                "file",
                "-s",
                "app.tar.gz.p256.file.sig");
        assertThat(out, Matchers.containsString("Good \"file\" signature for alice@example.com"));
        assertVerified(
                verify(artifact, signature("app.tar.gz", "p256", "file"), allowed("p256"), "alice@example.com"),
                SignatureFormat.SSH,
                artifactSha256);
    }

    @Test
    public void principalPatternsAndBareKeys() throws Exception {
        byte[] signature = signature("app.tar.gz", "ed25519", "file");
        assertVerified(
                verify(artifact, signature, allowed("ed25519"), "release-bot@example.com"),
                SignatureFormat.SSH,
                artifactSha256);
        assertRejected(
                verify(artifact, signature, allowed("ed25519"), "mallory@example.com"),
                "does not allow principal 'mallory@example.com'");
        List<TrustedKey> bare = List.of(new TrustedKey("ed25519.pub", Files.readAllBytes(dir.resolve("ed25519.pub"))));
        Verification anyone = verify(artifact, signature, bare, null);
        assertVerified(anyone, SignatureFormat.SSH, artifactSha256);
        assertEquals("", anyone.signerIdentity());
        assertRejected(verify(artifact, signature, bare, "alice@example.com"), "bare public key without principals");
    }

    @Test
    public void reportsWhichOfSeveralTrustedKeysAllowedTheSigner() throws Exception {
        String ed25519 = Files.readString(dir.resolve("ed25519.pub")).strip();
        List<TrustedKey> keys = List.of(
                new TrustedKey("rsa-signers", Files.readAllBytes(dir.resolve("rsa3072.allowed"))),
                new TrustedKey(
                        "git-only",
                        ("alice@example.com namespaces=\"git\" " + ed25519).getBytes(StandardCharsets.UTF_8)),
                new TrustedKey("release-signers", Files.readAllBytes(dir.resolve("ed25519.allowed"))),
                new TrustedKey("p256.pub", Files.readAllBytes(dir.resolve("p256.pub"))));
        Verification ed = verify(artifact, signature("app.tar.gz", "ed25519", "file"), keys, "alice@example.com");
        assertVerified(ed, SignatureFormat.SSH, artifactSha256);
        assertEquals("the first key that allows namespace 'file'", "release-signers", ed.trustedKey());
        Verification p256 = verify(artifact, signature("app.tar.gz", "p256", "file"), keys, null);
        assertVerified(p256, SignatureFormat.SSH, artifactSha256);
        assertEquals("p256.pub", p256.trustedKey());
        Verification rsa = verify(artifact, signature("app.tar.gz", "rsa3072", "file"), keys, null);
        assertEquals("rsa-signers", rsa.trustedKey());
        assertEquals(
                "",
                verify(other, signature("app.tar.gz", "ed25519", "file"), keys, null)
                        .trustedKey());
    }

    @Test
    public void wrongKeyIsRefused() throws Exception {
        assertRejected(
                verify(artifact, signature("app.tar.gz", "p384", "file"), allowed("ed25519"), null),
                "which is not among the trusted keys ('release-signers')");
    }

    @Test
    public void modifiedEmptyOrOtherArtifactIsRefused() throws Exception {
        byte[] signature = signature("app.tar.gz", "ed25519", "file");
        Path modified = dir.resolve("modified.tar.gz");
        byte[] content = Files.readAllBytes(artifact);
        content[content.length / 2] ^= 1;
        Files.write(modified, content);
        assertRejected(verify(modified, signature, allowed("ed25519"), null), "does not match the file's content");
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertRejected(verify(empty, signature, allowed("ed25519"), null), "does not match the file's content");
        assertRejected(
                verify(artifact, signature("other.bin", "ed25519", "file"), allowed("ed25519"), null),
                "does not match the file's content");
    }

    @Test
    public void truncatedAndGarbageSignaturesAreRefused() throws Exception {
        byte[] signature = signature("app.tar.gz", "rsa3072", "file");
        assertRejected(
                verify(artifact, Arrays.copyOf(signature, signature.length / 2), allowed("rsa3072"), null),
                "truncated");
        String text = new String(signature, StandardCharsets.US_ASCII);
        String cut = text.substring(0, text.indexOf("-----END") - 40) + "\n-----END SSH SIGNATURE-----\n";
        assertRejected(verify(artifact, cut.getBytes(StandardCharsets.US_ASCII), allowed("rsa3072"), null));
        assertRejected(
                verify(
                        artifact,
                        "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n"
                                .getBytes(StandardCharsets.US_ASCII),
                        allowed("rsa3072"),
                        null),
                "truncated or malformed");
        byte[] garbage = new byte[500];
        new Random(3).nextBytes(garbage);
        assertRejected(verify(artifact, garbage, allowed("rsa3072"), null), "does not start with");
    }

    @Test
    public void wrongNamespaceIsRefusedNamingBoth() throws Exception {
        byte[] gitSignature = signature("app.tar.gz", "ed25519", "git");
        assertRejected(
                verify(artifact, gitSignature, allowed("ed25519"), null),
                "made for namespace 'git', not 'file'",
                "ssh-keygen -Y sign -n file");
        VerifierInput asGit = request(artifact, gitSignature, allowed("ed25519"), Optional.of("git"), Optional.empty());
        assertVerified(verifier.verify(asGit), SignatureFormat.SSH, artifactSha256);
    }

    @Test
    public void allowedSignersOptionsAreHonoured() throws Exception {
        String key = Files.readString(dir.resolve("ed25519.pub")).strip();
        byte[] signature = signature("app.tar.gz", "ed25519", "file");
        List<TrustedKey> gitOnly = List.of(new TrustedKey(
                "git-only", ("alice@example.com namespaces=\"git\" " + key).getBytes(StandardCharsets.UTF_8)));
        assertRejected(verify(artifact, signature, gitOnly, "alice@example.com"), "does not allow namespace 'file'");
        List<TrustedKey> expired = List.of(new TrustedKey(
                "expired",
                ("alice@example.com valid-after=\"20200101\",valid-before=\"20240101Z\" " + key)
                        .getBytes(StandardCharsets.UTF_8)));
        SshVerifier in2023 = new SshVerifier(
                new StreamingDigester(), Clock.fixed(Instant.parse("2023-06-01T00:00:00Z"), ZoneOffset.UTC));
        assertVerified(
                in2023.verify(
                        request(artifact, signature, expired, Optional.empty(), Optional.of("alice@example.com"))),
                SignatureFormat.SSH,
                artifactSha256);
        assertRejected(verify(artifact, signature, expired, "alice@example.com"), "is not valid now");
        List<TrustedKey> authority =
                List.of(new TrustedKey("ca", ("*@example.com cert-authority " + key).getBytes(StandardCharsets.UTF_8)));
        assertRejected(verify(artifact, signature, authority, null), "option 'cert-authority'", "is not supported");
    }

    @Test
    public void keyMaterialNeverAppearsInMessages() throws Exception {
        String keyBase64 = Files.readString(dir.resolve("ed25519.pub")).split(" ")[1];
        Verification verdict = verify(artifact, signature("app.tar.gz", "p256", "file"), allowed("ed25519"), null);
        assertThat(verdict.failure(), Matchers.not(Matchers.containsString(keyBase64.substring(20, 40))));
    }
}
