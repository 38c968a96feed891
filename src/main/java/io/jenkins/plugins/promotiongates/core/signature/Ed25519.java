package io.jenkins.plugins.promotiongates.core.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Ed25519 with the JDK's provider: raw 32-byte public keys (as SSH, minisign and signify store
 * them) and verification that never throws for a malformed signature.
 */
public final class Ed25519 {

    /** DER prefix of a SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {}

    /**
     * @throws SignatureRejectedException if the bytes are not a 32-byte Ed25519 key
     */
    public static PublicKey fromRaw(byte[] raw, String keyName) throws SignatureRejectedException {
        if (raw.length != 32) {
            throw new SignatureRejectedException(
                    "trusted key '" + keyName + "' holds an Ed25519 key of " + raw.length + " bytes instead of 32",
                    "Export the public key again with the signing tool.");
        }
        byte[] encoded = new byte[SPKI_PREFIX.length + 32];
        System.arraycopy(SPKI_PREFIX, 0, encoded, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, encoded, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new SignatureRejectedException(
                    "trusted key '" + keyName + "' is not a valid Ed25519 public key",
                    "Export the public key again with the signing tool.");
        }
    }

    /** A JDK Ed25519 verifier initialised with {@code key}, ready for {@code update}. */
    public static Signature newVerifier(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            return verifier;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks Ed25519, which Java 15 and later provide", e);
        }
    }

    /** Whether {@code signature} verifies; a malformed signature is simply {@code false}. */
    public static boolean verifies(Signature verifier, byte[] signature) {
        try {
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code signature} over {@code data} verifies with {@code key}. */
    public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        Signature verifier = newVerifier(key);
        try {
            verifier.update(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verifier not initialised", e);
        }
        return verifies(verifier, signature);
    }
}
