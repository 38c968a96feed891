package io.jenkins.plugins.promotiongates.core.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The controller's Ed25519 checkpoint key as one line of text, {@code PKCS8:SPKI} in base64, for the
 * glue to encrypt and store; and back. The text holds the private key: it is only ever stored
 * encrypted, never logged.
 */
public final class ControllerKeyCodec {

    private ControllerKeyCodec() {}

    /** A new Ed25519 key pair from {@code random}. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks Ed25519, which Java 15 and later provide", e);
        }
    }

    /** The key pair as {@code base64(PKCS#8 private key):base64(X.509 public key)}. */
    public static String encode(KeyPair keyPair) {
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(keyPair.getPrivate().getEncoded()) + ":"
                + base64.encodeToString(keyPair.getPublic().getEncoded());
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException if the text is not an encoded Ed25519 key pair (the message
     *     never repeats the text)
     */
    public static KeyPair decode(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("The stored checkpoint key is not in the form PRIVATE:PUBLIC");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            Base64.Decoder base64 = Base64.getDecoder();
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(base64.decode(parts[1]))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(parts[0]))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The stored checkpoint key is not a valid Ed25519 key pair");
        }
    }
}
