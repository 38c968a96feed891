package io.jenkins.plugins.promotiongates.core.attestation;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a promotion attestation against the controller's public key, as the DSSE protocol
 * orders it: decode the envelope, accept it only if one of its signatures verifies over
 * {@link Pae PAE}(payloadType, payload) with the key (key ids are hints and decide nothing), then
 * require the in-toto payload type, then read the statement ({@link StatementReader}).
 */
public final class AttestationVerifier {

    private AttestationVerifier() {}

    /**
     * @param envelopeJson the attestation file's bytes
     * @param key the public key of the controller that is expected to have signed it
     * @param input the name of what was read (a file name), for messages
     * @return the statement, authenticated
     * @throws AttestationRejectedException naming the input, the reason and the remedy
     */
    public static PromotionStatement verify(byte[] envelopeJson, PublicKey key, String input)
            throws AttestationRejectedException {
        String keyId;
        try {
            keyId = SslibKeyId.of(key);
        } catch (IllegalArgumentException e) {
            throw new AttestationRejectedException(input, "it cannot be checked with this key", e.getMessage());
        }
        DsseEnvelope envelope = DsseEnvelope.parse(envelopeJson, input);
        byte[] body;
        try {
            body = envelope.payloadBytes();
        } catch (IllegalArgumentException e) {
            throw new AttestationRejectedException(
                    input, "its payload is not base64", "Give the attestation file as the controller wrote it.");
        }
        byte[] signed = Pae.encode(envelope.payloadType(), body);
        List<String> keyIds = new ArrayList<>();
        boolean verified = false;
        for (DsseSignature signature : envelope.signatures()) {
            keyIds.add(signature.keyid());
            verified |= signedBy(key, signed, signature);
        }
        if (!verified) {
            throw new AttestationRejectedException(
                    input,
                    "no signature in it verifies with the given key (key id " + keyId + "; its signatures name "
                            + keyIds + ")",
                    "Verify it with the public key of the controller that signed it (controller.pem, shown in Manage"
                            + " Jenkins); if that is the key, the attestation was changed after it was signed.");
        }
        if (!StatementJson.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new AttestationRejectedException(
                    input,
                    "its payload type is '" + envelope.payloadType() + "', not " + StatementJson.PAYLOAD_TYPE,
                    "Only in-toto attestations written by Promotion Gates are accepted.");
        }
        return StatementReader.read(body, input);
    }

    private static boolean signedBy(PublicKey key, byte[] message, DsseSignature signature) {
        byte[] bytes;
        try {
            bytes = signature.sigBytes();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return signedBy(key, message, bytes);
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. */
    static boolean signedBy(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
