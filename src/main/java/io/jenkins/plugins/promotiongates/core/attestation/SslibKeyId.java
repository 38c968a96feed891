package io.jenkins.plugins.promotiongates.core.attestation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The key id that securesystemslib 0.26 and in-toto 1.x give an Ed25519 public key, and that this
 * plugin writes as the DSSE {@code keyid}: the SHA-256 (hex) of the canonical JSON
 * {@code {"keyid_hash_algorithms":["sha256","sha512"],"keytype":"ed25519","keyval":{"public":"<raw
 * key hex>"},"scheme":"ed25519"}}. It is the {@code keyid} of a key made by
 * {@code in-toto-keygen -t ed25519}; securesystemslib's verifier only tries keys whose id equals
 * the signature's. A hint, never a proof: the signature is what is checked.
 */
public final class SslibKeyId {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 raw key bytes. */
    private static final int SPKI_PREFIX_LENGTH = 12;

    private SslibKeyId() {}

    /**
     * @throws IllegalArgumentException if {@code key} is not an Ed25519 public key
     */
    public static String of(PublicKey key) {
        ObjectNode json = CanonicalJson.newObject();
        json.putArray("keyid_hash_algorithms").add("sha256").add("sha512");
        json.put("keytype", "ed25519");
        json.putObject("keyval").put("public", HexFormat.of().formatHex(raw(key)));
        json.put("scheme", "ed25519");
        return Sha256.hex(CanonicalJson.write(json));
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    private static byte[] raw(PublicKey key) {
        byte[] der = key == null ? new byte[0] : key.getEncoded();
        boolean ed25519 = key != null && ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm()));
        if (!ed25519 || der == null || der.length != SPKI_PREFIX_LENGTH + 32) {
            throw new IllegalArgumentException("Attestations are signed with Ed25519; the key given is "
                    + (key == null ? "missing" : key.getAlgorithm()) + ". Give the controller's Ed25519 key.");
        }
        byte[] raw = new byte[32];
        System.arraycopy(der, SPKI_PREFIX_LENGTH, raw, 0, 32);
        return raw;
    }
}
