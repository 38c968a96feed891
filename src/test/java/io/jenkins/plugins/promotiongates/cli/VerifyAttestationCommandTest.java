package io.jenkins.plugins.promotiongates.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSigner;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSubject;
import io.jenkins.plugins.promotiongates.core.attestation.PromotionStatement;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code verify-attestation}: the auditor's and the deployer's check that a file was promoted under policy. */
public class VerifyAttestationCommandTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final KeyPair controller = key();
    private Path app;
    private Path attestation;
    private Path publicKey;

    @Before
    public void attestAPromotion() throws Exception {
        app = temp.newFile("app.tar.gz").toPath();
        Files.writeString(app, "release 1.4.0\n");
        PromotionStatement statement = new PromotionStatement(
                List.of(new AttestationSubject("app.tar.gz", sha256(Files.readAllBytes(app)))),
                "shop",
                "1.4.0",
                "production",
                sha256("manifest".getBytes(StandardCharsets.UTF_8)),
                "https://jenkins.example.com/manage/",
                "d".repeat(64),
                List.of("path", "signature", "approvals"),
                "https://jenkins.example.com/",
                "file:///srv/releases/shop/1.4.0/",
                Instant.parse("2026-12-06T10:00:00Z"));
        attestation = temp.getRoot().toPath().resolve("promotion.intoto.json");
        Files.write(
                attestation, new AttestationSigner(controller).sign(statement).toJson());
        publicKey = temp.getRoot().toPath().resolve("controller.pem");
        Files.writeString(publicKey, PublicKeys.toPem(controller.getPublic()));
    }

    @Test
    public void aGenuineAttestationVerifiesAndNamesWhatEnteredWhere() {
        assertEquals(err(), 0, run("verify-attestation", attestation.toString(), "--key", publicKey.toString()));
        assertThat(out(), containsString("verified: shop 1.4.0 entered production at 2026-12-06T10:00:00Z"));
        assertThat(out(), containsString("  app.tar.gz"));
    }

    @Test
    public void aFileThatIsASubjectPassesAndOneThatIsNotFailsWithExitOne() throws Exception {
        assertEquals(
                err(),
                0,
                run(
                        "verify-attestation",
                        attestation.toString(),
                        "--key",
                        publicKey.toString(),
                        "--file",
                        app.toString()));
        assertThat(out(), containsString("subject: " + app + " is app.tar.gz"));

        Path other = temp.newFile("evil.tar.gz").toPath();
        Files.writeString(other, "a backdoor\n");
        assertEquals(
                1,
                run(
                        "verify-attestation",
                        attestation.toString(),
                        "--key",
                        publicKey.toString(),
                        "--file",
                        other.toString()));
        assertThat(out(), containsString("NOT A SUBJECT: " + other));
    }

    @Test
    public void anotherKeyOrATamperedEnvelopeIsNotVerified() throws Exception {
        Path otherKey = temp.getRoot().toPath().resolve("other.pem");
        Files.writeString(otherKey, PublicKeys.toPem(key().getPublic()));
        assertEquals(1, run("verify-attestation", attestation.toString(), "--key", otherKey.toString()));
        assertThat(out(), containsString("NOT VERIFIED"));

        String text = Files.readString(attestation);
        int at = text.indexOf("\"payload\":\"") + 20;
        Files.writeString(
                attestation, text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1));
        assertEquals(1, run("verify-attestation", attestation.toString(), "--key", publicKey.toString()));
        assertThat(out(), containsString("NOT VERIFIED"));
    }

    @Test
    public void missingKeyOrUnreadableInputIsUsageWithExitTwo() {
        assertEquals(2, run("verify-attestation", attestation.toString()));
        assertThat(err(), containsString("--key is required"));
        assertEquals(2, run("verify-attestation", "/nonexistent.json", "--key", publicKey.toString()));
        assertThat(err(), containsString("'/nonexistent.json' does not exist"));
        assertEquals(2, run("verify-attestation", attestation.toString(), "--key", attestation.toString()));
        assertThat(err(), containsString("key file"));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return PromotionGatesCli.standard()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static ArtifactDigest sha256(byte[] bytes) throws Exception {
        return ArtifactDigest.of(
                DigestAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static KeyPair key() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
