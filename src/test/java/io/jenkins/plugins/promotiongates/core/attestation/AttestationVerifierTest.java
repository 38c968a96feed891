package io.jenkins.plugins.promotiongates.core.attestation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.Test;

/** The engine's verifier: what it accepts, and each refusal with its input, reason and remedy. */
public class AttestationVerifierTest {

    private static final String FILE = "shop-1.4.0.intoto.json";

    private final KeyPair key = ControllerKeyCodec.generate(new SecureRandom());
    private final AttestationSigner signer = new AttestationSigner(key);

    @Test
    public void aSignedStatementVerifiesAndReadsBack() throws Exception {
        DsseEnvelope envelope = signer.sign(Attestations.statement());
        assertEquals(StatementJson.PAYLOAD_TYPE, envelope.payloadType());
        assertEquals(
                SslibKeyId.of(key.getPublic()), envelope.signatures().get(0).keyid());
        assertEquals(Attestations.statement(), AttestationVerifier.verify(envelope.toJson(), key.getPublic(), FILE));
        assertArrayEquals(
                "Ed25519 is deterministic",
                envelope.toJson(),
                signer.sign(Attestations.statement()).toJson());
    }

    @Test
    public void keyIdsAreHintsAndUrlSafeBase64IsAccepted() throws Exception {
        DsseEnvelope envelope = signer.sign(Attestations.statement());
        byte[] sig = envelope.signatures().get(0).sigBytes();
        DsseEnvelope rewritten = new DsseEnvelope(
                envelope.payloadType(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.payloadBytes()),
                List.of(
                        new DsseSignature("someone-else", Base64.getEncoder().encodeToString(new byte[64])),
                        new DsseSignature("", Base64.getUrlEncoder().encodeToString(sig))));
        assertEquals(Attestations.statement(), AttestationVerifier.verify(rewritten.toJson(), key.getPublic(), FILE));
    }

    @Test
    public void anotherKeyIsRefusedNamingBothKeyIds() {
        KeyPair other = ControllerKeyCodec.generate(new SecureRandom());
        AttestationRejectedException e =
                refused(signer.sign(Attestations.statement()).toJson(), other.getPublic());
        assertThat(e.getMessage(), containsString(FILE + ": no signature in it verifies with the given key"));
        assertThat(e.getMessage(), containsString("key id " + SslibKeyId.of(other.getPublic())));
        assertThat(e.getMessage(), containsString("[" + SslibKeyId.of(key.getPublic()) + "]"));
        assertThat(e.remedy(), containsString("public key of the controller that signed it"));
    }

    @Test
    public void whatIsNotAnEnvelopeIsRefused() {
        assertThat(refused(bytes("not json"), key.getPublic()).reason(), containsString("not a JSON object"));
        assertThat(refused(bytes("[]"), key.getPublic()).reason(), containsString("not a JSON object"));
        assertThat(
                refused(bytes("{\"payloadType\":\"x\",\"payload\":\"\",\"signatures\":[]}"), key.getPublic())
                        .reason(),
                containsString("no signatures"));
        assertThat(
                refused(bytes("{\"payloadType\":1,\"payload\":\"\",\"signatures\":[{\"sig\":\"\"}]}"), key.getPublic())
                        .reason(),
                containsString("no string payloadType"));
        assertThat(
                refused(
                                bytes(
                                        "{\"payloadType\":\"x\",\"payload\":\"\",\"signatures\":[{\"keyid\":1,\"sig\":\"\"}]}"),
                                key.getPublic())
                        .reason(),
                containsString("signature 0 has no string sig"));
        assertThat(
                refused(
                                bytes("{\"payloadType\":\"x\",\"payload\":\"%%\",\"signatures\":[{\"sig\":\"\"}]}"),
                                key.getPublic())
                        .reason(),
                containsString("payload is not base64"));
        String duplicate =
                "{\"payloadType\":\"x\",\"payloadType\":\"y\",\"payload\":\"\",\"signatures\":[{\"sig\":\"\"}]}";
        assertThat(refused(bytes(duplicate), key.getPublic()).reason(), containsString("Duplicate field"));
    }

    @Test
    public void aSignedPayloadOfAnotherTypeIsRefused() {
        byte[] body = StatementJson.write(Attestations.statement());
        AttestationRejectedException e = refused(signed("application/json", body), key.getPublic());
        assertThat(e.reason(), containsString("payload type is 'application/json', not application/vnd.in-toto+json"));
    }

    @Test
    public void aSignedStatementThatIsNotAPromotionIsRefused() {
        String statement = new String(StatementJson.write(Attestations.statement()), StandardCharsets.UTF_8);
        assertReason(statement.replace("\"PASSED\"", "\"FAILED\""), "verificationResult is 'FAILED', not 'PASSED'");
        assertReason(statement.replace("Statement/v1", "Statement/v0.1"), "$._type is");
        assertReason(statement.replace("verification_summary/v1", "provenance/v1"), "$.predicateType is");
        assertReason(statement.replace("\"PROMOTION_GATES_PATH\",", ""), "verifiedLevels");
        assertReason(statement.replace("2025-06-02T10:00:00Z", "yesterday"), "timeVerified is not an RFC 3339");
        assertReason(statement.replace("\"1.4.0\"", "\"\""), "version of an attestation is empty");
        assertReason(statement.replace("\"subject\":[", "\"subject\":[1,"), "$.subject[0].name is missing");
        assertReason(statement.replace("docs/attestations.md#promotion-v1", "x"), "#promotion-v1 is missing");
        assertReason("{}", "$._type is missing or not a string");
    }

    @Test
    public void aKeyThatIsNotEd25519IsRefused() throws Exception {
        PublicKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        AttestationRejectedException e =
                refused(signer.sign(Attestations.statement()).toJson(), rsa);
        assertThat(e.getMessage(), containsString(FILE + ": it cannot be checked with this key"));
        assertThat(e.getMessage(), containsString("Give the controller's Ed25519 key"));
    }

    @Test
    public void theSignerRefusesHalvesOfTwoKeyPairs() {
        KeyPair other = ControllerKeyCodec.generate(new SecureRandom());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new AttestationSigner(new KeyPair(other.getPublic(), key.getPrivate())));
        assertThat(e.getMessage(), containsString("does not match"));
    }

    private void assertReason(String statement, String reason) {
        AttestationRejectedException e = refused(
                signed(StatementJson.PAYLOAD_TYPE, statement.getBytes(StandardCharsets.UTF_8)), key.getPublic());
        assertThat(e.getMessage(), containsString(FILE + ": "));
        assertThat(e.reason(), containsString(reason));
    }

    /** An envelope of {@code body} correctly signed by the key, whatever it holds. */
    private byte[] signed(String payloadType, byte[] body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(Pae.encode(payloadType, body));
            String sig = Base64.getEncoder().encodeToString(signature.sign());
            return DsseEnvelope.of(payloadType, body, List.of(new DsseSignature("", sig)))
                    .toJson();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static AttestationRejectedException refused(byte[] envelope, PublicKey key) {
        return assertThrows(AttestationRejectedException.class, () -> AttestationVerifier.verify(envelope, key, FILE));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
