package io.jenkins.plugins.promotiongates.core.signature.raw;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * Opens an RSA signature with the public key (a cheap public-key operation) to learn which hash a
 * PKCS#1 v1.5 signature used, so that only that digest is computed. This proves nothing by
 * itself: the signature is verified in full afterwards.
 */
final class Pkcs1DigestInfo {

    private Pkcs1DigestInfo() {}

    /** The JCA hash name of a PKCS#1 v1.5 signature, or empty for PSS or a malformed value. */
    static Optional<String> hashOf(RSAPublicKey key, byte[] signature) {
        BigInteger n = key.getModulus();
        BigInteger s = new BigInteger(1, signature);
        int length = (n.bitLength() + 7) / 8;
        if (signature.length == 0 || signature.length > length || s.compareTo(n) >= 0) {
            return Optional.empty();
        }
        byte[] em = toFixedLength(s.modPow(key.getPublicExponent(), n), length);
        if (em.length < 11 || em[0] != 0 || em[1] != 1) {
            return Optional.empty();
        }
        int i = 2;
        while (i < em.length && em[i] == (byte) 0xFF) {
            i++;
        }
        if (i < 10 || i >= em.length || em[i] != 0) {
            return Optional.empty();
        }
        try {
            byte[] encoded = java.util.Arrays.copyOfRange(em, i + 1, em.length);
            return Optional.ofNullable(
                    name(DigestInfo.getInstance(encoded).getAlgorithmId().getAlgorithm()));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static String name(ASN1ObjectIdentifier oid) {
        if (oid.equals(NISTObjectIdentifiers.id_sha256)) {
            return "SHA-256";
        }
        if (oid.equals(NISTObjectIdentifiers.id_sha384)) {
            return "SHA-384";
        }
        if (oid.equals(NISTObjectIdentifiers.id_sha512)) {
            return "SHA-512";
        }
        if (oid.equals(NISTObjectIdentifiers.id_sha224)) {
            return "SHA-224";
        }
        if (oid.equals(OIWObjectIdentifiers.idSHA1)) {
            return "SHA-1";
        }
        if (oid.equals(PKCSObjectIdentifiers.md5)) {
            return "MD5";
        }
        return null;
    }

    private static byte[] toFixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return fixed;
    }
}
