package io.jenkins.plugins.promotiongates.core.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The controller's Ed25519 public key in the forms people use: PEM ({@code openssl pkeyutl}),
 * an OpenSSH line ({@code ssh-ed25519 AAAA...}) and a SHA-256 fingerprint as {@code ssh-keygen -l}
 * prints it.
 */
public final class PublicKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final String SSH_TYPE = "ssh-ed25519";

    private PublicKeys() {}

    public static String toPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(x509(key));
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public static String toOpenSsh(PublicKey key) {
        return SSH_TYPE + " " + Base64.getEncoder().encodeToString(sshBlob(key));
    }

    /** {@code SHA256:<base64 without padding>}, the fingerprint {@code ssh-keygen -lf} shows. */
    public static String fingerprint(PublicKey key) {
        byte[] digest = io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm.SHA256
                .newMessageDigest()
                .digest(sshBlob(key));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * Reads a PEM public key or an OpenSSH {@code ssh-ed25519} line (comment allowed).
     *
     * @throws IllegalArgumentException naming what was wrong with the text
     */
    public static PublicKey parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        byte[] der;
        if (trimmed.startsWith(SSH_TYPE + " ")) {
            String[] parts = trimmed.split("\\s+");
            byte[] blob = decode(parts[1]);
            byte[] expectedPrefix = sshBlobPrefix();
            if (blob.length != expectedPrefix.length + 32
                    || !Arrays.equals(blob, 0, expectedPrefix.length, expectedPrefix, 0, expectedPrefix.length)) {
                throw new IllegalArgumentException("The OpenSSH key is not a well-formed ssh-ed25519 key.");
            }
            der = concat(X509_PREFIX, Arrays.copyOfRange(blob, expectedPrefix.length, blob.length));
        } else if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----") && trimmed.endsWith("-----END PUBLIC KEY-----")) {
            String body = trimmed.substring(26, trimmed.length() - 24).replaceAll("\\s", "");
            der = decode(body);
        } else {
            throw new IllegalArgumentException("Expected an Ed25519 public key as PEM (-----BEGIN PUBLIC KEY-----)"
                    + " or as an OpenSSH line (ssh-ed25519 AAAA...).");
        }
        if (der.length != 44 || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException(
                    "The public key is not an Ed25519 key; the audit ledger signs with Ed25519.");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The public key cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The public key is not valid base64.", e);
        }
    }

    private static byte[] x509(PublicKey key) {
        byte[] der = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()) || der.length != 44) {
            throw new IllegalArgumentException("The audit key must be Ed25519; got " + key.getAlgorithm() + ".");
        }
        return der;
    }

    private static byte[] sshBlob(PublicKey key) {
        byte[] raw = Arrays.copyOfRange(x509(key), X509_PREFIX.length, 44);
        return concat(sshBlobPrefix(), raw);
    }

    private static byte[] sshBlobPrefix() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(SSH_TYPE.length()).array());
        out.writeBytes(SSH_TYPE.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(32).array());
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
