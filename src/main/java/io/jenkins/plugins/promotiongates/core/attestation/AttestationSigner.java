package io.jenkins.plugins.promotiongates.core.attestation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Signs promotion statements with the controller's Ed25519 key (the key that signs the ledger's
 * checkpoints), as DSSE envelopes: the signature is over {@link Pae PAE}({@code
 * application/vnd.in-toto+json}, statement), with {@link SslibKeyId} as the key id. Ed25519 is
 * deterministic, so one statement and one key always give the same envelope.
 */
public final class AttestationSigner {

    private final KeyPair keyPair;
    private final String keyId;

    /**
     * @throws IllegalArgumentException if the pair is not Ed25519 or its halves do not belong together
     */
    public AttestationSigner(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.keyId = SslibKeyId.of(keyPair.getPublic());
        byte[] probe = "promotion-gates attestation key check".getBytes(StandardCharsets.US_ASCII);
        if (!AttestationVerifier.signedBy(keyPair.getPublic(), probe, sign(probe))) {
            throw new IllegalArgumentException("The attestation key pair does not match: its private key did not make"
                    + " a signature that its public key accepts. Supply both halves of the same Ed25519 key pair.");
        }
    }

    /** The DSSE key id this signer writes. */
    public String keyId() {
        return keyId;
    }

    /** The signed envelope of {@code statement}; write {@link DsseEnvelope#toJson()} as the attestation file. */
    public DsseEnvelope sign(PromotionStatement statement) {
        byte[] body = StatementJson.write(statement);
        byte[] signature = sign(Pae.encode(StatementJson.PAYLOAD_TYPE, body));
        return DsseEnvelope.of(
                StatementJson.PAYLOAD_TYPE,
                body,
                List.of(new DsseSignature(keyId, Base64.getEncoder().encodeToString(signature))));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keyPair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The attestation key cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }
}
