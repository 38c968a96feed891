package io.jenkins.plugins.promotiongates.core.attestation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Attestations made by the engine, checked by the reference implementation (Debian's
 * securesystemslib, through verify-attestation.py) and by the engine's verifier: both accept the
 * envelope as signed, and both refuse it after any change to the payload, a subject or the
 * signature, or with another key. Key ids agree with in-toto's own: in-toto-keygen's key signs an
 * attestation through the engine, and the engine's key id is the one in-toto wrote.
 */
public class SecureSystemsLibInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path dir;
    private KeyPair key;
    private Path pem;
    private DsseEnvelope envelope;

    @Before
    public void signAnAttestation() throws Exception {
        dir = temp.getRoot().toPath();
        ReferenceVerifier.requireSecureSystemsLib(dir);
        key = ControllerKeyCodec.generate(new SecureRandom());
        pem = write("controller.pem", PublicKeys.toPem(key.getPublic()).getBytes(StandardCharsets.US_ASCII));
        envelope = new AttestationSigner(key).sign(Attestations.statement());
    }

    @Test
    public void securesystemslibVerifiesTheEnvelopeAndListsTheSubjects() throws Exception {
        ReferenceVerifier.Run run = ReferenceVerifier.verify(dir, write("a.intoto.json", envelope.toJson()), pem);
        assertEquals(run.err(), 0, run.exitCode());
        StringBuilder expected = new StringBuilder();
        for (AttestationSubject subject : Attestations.statement().subjects()) {
            expected.append(subject.digest().hex())
                    .append("  ")
                    .append(subject.name())
                    .append('\n');
        }
        assertEquals(expected.toString(), run.out());
        assertThat(
                "securesystemslib computed the same key id from the PEM key",
                run.err(),
                containsString("keyid " + SslibKeyId.of(key.getPublic())));
        assertEquals(
                Attestations.statement(),
                AttestationVerifier.verify(envelope.toJson(), key.getPublic(), "a.intoto.json"));
    }

    @Test
    public void aChangedPayloadIsRefusedByBoth() throws Exception {
        bothRefuse(payloadWith(text -> text.replace("\"1.4.0\"", "\"1.4.1\"")), key, "no signature");
    }

    @Test
    public void aChangedSubjectIsRefusedByBoth() throws Exception {
        String digest = Attestations.statement().subjects().get(0).digest().hex();
        String other = Attestations.sha256Of("other bytes").hex();
        bothRefuse(payloadWith(text -> text.replace(digest, other)), key, "no signature");
    }

    @Test
    public void aChangedSignatureIsRefusedByBoth() throws Exception {
        byte[] sig = envelope.signatures().get(0).sigBytes();
        sig[10] ^= 1;
        DsseEnvelope changed = new DsseEnvelope(
                envelope.payloadType(),
                envelope.payload(),
                List.of(new DsseSignature(
                        envelope.signatures().get(0).keyid(),
                        Base64.getEncoder().encodeToString(sig))));
        bothRefuse(changed, key, "no signature");
    }

    @Test
    public void anotherKeyIsRefusedByBoth() throws Exception {
        KeyPair other = ControllerKeyCodec.generate(new SecureRandom());
        bothRefuse(envelope, other, "no signature");
    }

    @Test
    public void theKeyIdIsTheOneInTotoGivesTheKeyAndItsAttestationsVerify() throws Exception {
        ReferenceVerifier.Run keygen = ReferenceVerifier.run(
                dir, ReferenceVerifier.requireInTotoKeygen().toString(), "-t", "ed25519", "k");
        assertEquals(keygen.err(), 0, keygen.exitCode());
        JsonNode written = JSON.readTree(dir.resolve("k").toFile());
        KeyPair inToto = Attestations.fromHex(
                written.path("keyval").path("private").asText(),
                written.path("keyval").path("public").asText());

        AttestationSigner signer = new AttestationSigner(inToto);
        assertEquals(written.path("keyid").asText(), signer.keyId());
        Path inTotoPem = write("k.pem", PublicKeys.toPem(inToto.getPublic()).getBytes(StandardCharsets.US_ASCII));
        ReferenceVerifier.Run run = ReferenceVerifier.verify(
                dir,
                write("k.intoto.json", signer.sign(Attestations.statement()).toJson()),
                inTotoPem);
        assertEquals(run.err(), 0, run.exitCode());
    }

    /** securesystemslib exits 1 with its refusal; the engine throws, naming the file and the reason. */
    private void bothRefuse(DsseEnvelope changed, KeyPair verifyingKey, String reason) throws Exception {
        Path file = write("changed.intoto.json", changed.toJson());
        Path keyFile = write(
                "verifying.pem", PublicKeys.toPem(verifyingKey.getPublic()).getBytes(StandardCharsets.US_ASCII));
        ReferenceVerifier.Run run = ReferenceVerifier.verify(dir, file, keyFile);
        assertEquals("securesystemslib refuses: " + run.err(), 1, run.exitCode());
        assertThat(run.err(), containsString("refused: " + reason));
        assertEquals("", run.out());
        AttestationRejectedException e = assertThrows(
                AttestationRejectedException.class,
                () -> AttestationVerifier.verify(changed.toJson(), verifyingKey.getPublic(), "changed.intoto.json"));
        assertThat(e.getMessage(), containsString("changed.intoto.json: " + reason));
    }

    /** The envelope with its payload edited, signature unchanged. */
    private DsseEnvelope payloadWith(UnaryOperator<String> edit) {
        String text = new String(envelope.payloadBytes(), StandardCharsets.UTF_8);
        String edited = edit.apply(text);
        assertThat("the edit changed something", edited.equals(text), org.hamcrest.Matchers.is(false));
        return DsseEnvelope.of(envelope.payloadType(), edited.getBytes(StandardCharsets.UTF_8), envelope.signatures());
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
