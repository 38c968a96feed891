package io.jenkins.plugins.promotiongates.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Signs and verifies checkpoints with the controller's Ed25519 key (the JDK's own provider). */
public final class CheckpointSigner {

    private final KeyPair keyPair;

    /**
     * @throws IllegalArgumentException if the pair is not Ed25519 or its halves do not belong together
     */
    public CheckpointSigner(KeyPair keyPair) {
        this.keyPair = keyPair;
        PublicKeys.toPem(keyPair.getPublic());
        byte[] probe = "promotion-gates key check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(keyPair.getPublic(), probe, sign(probe))) {
            throw new IllegalArgumentException("The audit key pair does not match: its private key did not make a"
                    + " signature that its public key accepts. Supply both halves of the same Ed25519 key pair.");
        }
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    Checkpoint sign(long size, String head, String time) {
        Checkpoint unsigned = new Checkpoint(size, head, time, "");
        return new Checkpoint(size, head, time, Base64.getEncoder().encodeToString(sign(unsigned.signedBytes())));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keyPair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The audit key cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** True if {@code checkpoint} carries a valid signature by {@code key}. */
    public static boolean verify(PublicKey key, Checkpoint checkpoint) {
        return verify(key, checkpoint.signedBytes(), Base64.getDecoder().decode(checkpoint.signature()));
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
