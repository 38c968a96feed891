package io.jenkins.plugins.promotiongates.core.signature;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * Checks a signature against a digest that was already computed while streaming the artifact, so
 * the artifact is hashed once, by the JDK. Only the digest (a few dozen bytes) reaches these
 * primitives; Bouncy Castle digests appear only inside PSS's mask generation over that digest.
 */
public final class PrehashedSignature {

    /** DER DigestInfo prefixes (RFC 8017 section 9.2, note 1). */
    private static final Map<String, byte[]> DIGEST_INFO_PREFIX = Map.of(
            "SHA-1", hex("3021300906052b0e03021a05000414"),
            "SHA-224", hex("302d300d06096086480165030402040500041c"),
            "SHA-256", hex("3031300d060960864801650304020105000420"),
            "SHA-384", hex("3041300d060960864801650304020205000430"),
            "SHA-512", hex("3051300d060960864801650304020305000440"));

    private PrehashedSignature() {}

    /** RSASSA-PKCS1-v1_5 over {@code digest} computed with {@code hash} (a JCA name). */
    public static boolean rsaPkcs1(PublicKey key, String hash, byte[] digest, byte[] signature) {
        byte[] prefix = DIGEST_INFO_PREFIX.get(hash);
        if (prefix == null || !(key instanceof RSAPublicKey rsa)) {
            return false;
        }
        ByteArrayOutputStream digestInfo = new ByteArrayOutputStream();
        digestInfo.writeBytes(prefix);
        digestInfo.writeBytes(digest);
        return jca("NONEwithRSA", key, digestInfo.toByteArray(), leftPad(signature, modulusBytes(rsa)));
    }

    /**
     * RSASSA-PSS with MGF1 over the same hash, trailer 0xBC, and a salt as long as the hash or as
     * long as the key allows (the two lengths openssl and most libraries use).
     */
    public static boolean rsaPss(PublicKey key, String hash, byte[] digest, byte[] signature) {
        if (!(key instanceof RSAPublicKey rsa) || signature.length > modulusBytes(rsa)) {
            return false;
        }
        int hashLength = digest.length;
        int maximumSalt = (rsa.getModulus().bitLength() - 1 + 7) / 8 - hashLength - 2;
        for (int salt : new int[] {hashLength, maximumSalt}) {
            if (salt < 0) {
                continue;
            }
            Digest mgf = bcDigest(hash);
            if (mgf == null) {
                return false;
            }
            PSSSigner signer =
                    PSSSigner.createRawSigner(new RSAEngine(), bcDigest(hash), mgf, salt, PSSSigner.TRAILER_IMPLICIT);
            signer.init(false, new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
            signer.update(digest, 0, digest.length);
            try {
                if (signer.verifySignature(signature)) {
                    return true;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** ECDSA over {@code digest}; {@code signature} is DER or, with {@code p1363}, r||s. */
    public static boolean ecdsa(PublicKey key, byte[] digest, byte[] signature, boolean p1363) {
        return jca(p1363 ? "NONEwithECDSAinP1363Format" : "NONEwithECDSA", key, digest, signature);
    }

    /** EdDSA (Ed25519) over a short message, such as the OpenPGP signature hash. */
    public static boolean ed25519(PublicKey key, byte[] message, byte[] signature) {
        return jca("Ed25519", key, message, signature);
    }

    private static boolean jca(String algorithm, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature or a key of another type is simply not a valid signature.
            return false;
        }
    }

    private static int modulusBytes(RSAPublicKey key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    private static byte[] leftPad(byte[] value, int length) {
        if (value.length >= length) {
            return value;
        }
        byte[] padded = new byte[length];
        System.arraycopy(value, 0, padded, length - value.length, value.length);
        return padded;
    }

    private static Digest bcDigest(String hash) {
        return switch (hash) {
            case "SHA-256" -> new SHA256Digest();
            case "SHA-384" -> new SHA384Digest();
            case "SHA-512" -> new SHA512Digest();
            default -> null;
        };
    }

    private static byte[] hex(String value) {
        return HexFormat.of().parseHex(value);
    }
}
