package io.jenkins.plugins.promotiongates.core.signature;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * Names a JCA public key the way messages and the audit show it ({@code RSA-3072},
 * {@code ECDSA P-256}, {@code Ed25519}) and judges it against the {@link AlgorithmPolicy}.
 */
public final class PublicKeyStrength {

    private PublicKeyStrength() {}

    /** A short description of the key's algorithm and size. */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "ECDSA " + curveName(ec);
        }
        if (key instanceof DSAPublicKey dsa) {
            return "DSA-" + dsa.getParams().getP().bitLength();
        }
        String algorithm = key.getAlgorithm();
        return algorithm.equalsIgnoreCase("EdDSA") ? "Ed25519" : algorithm;
    }

    /** Why the policy refuses this key, or {@code null} when it is accepted. */
    public static String refusal(PublicKey key, AlgorithmPolicy policy) {
        if (key instanceof RSAPublicKey rsa) {
            return policy.refuseRsa(rsa.getModulus().bitLength());
        }
        if (key instanceof DSAPublicKey) {
            return policy.refuseDsa();
        }
        return null;
    }

    /**
     * {@code P-256}, {@code P-384}, {@code P-521} for the NIST curves, the curve's standard name for
     * other named curves (such as {@code secp256k1}), or the field size for explicit parameters.
     */
    public static String curveName(ECPublicKey key) {
        ASN1ObjectIdentifier oid = namedCurve(key);
        if (oid != null) {
            if (oid.equals(SECObjectIdentifiers.secp256r1)) {
                return "P-256";
            }
            if (oid.equals(SECObjectIdentifiers.secp384r1)) {
                return "P-384";
            }
            if (oid.equals(SECObjectIdentifiers.secp521r1)) {
                return "P-521";
            }
            String name = ECNamedCurveTable.getName(oid);
            return name != null ? name : "curve " + oid.getId();
        }
        return key.getParams().getCurve().getField().getFieldSize() + "-bit curve with explicit parameters";
    }

    /** Whether {@link #curveName} is one of the NIST curves P-256, P-384, P-521. */
    public static boolean isNistCurve(ECPublicKey key) {
        return List.of("P-256", "P-384", "P-521").contains(curveName(key));
    }

    /** The named curve's identifier from the key's encoding, or {@code null} for explicit parameters. */
    private static ASN1ObjectIdentifier namedCurve(ECPublicKey key) {
        try {
            ASN1Encodable parameters = SubjectPublicKeyInfo.getInstance(key.getEncoded())
                    .getAlgorithm()
                    .getParameters();
            return parameters instanceof ASN1ObjectIdentifier oid ? oid : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
