package io.jenkins.plugins.promotiongates.core.signature;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

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

    /** {@code P-256}, {@code P-384}, {@code P-521}, or the field size for other curves. */
    public static String curveName(ECPublicKey key) {
        int bits = key.getParams().getCurve().getField().getFieldSize();
        return switch (bits) {
            case 256 -> "P-256";
            case 384 -> "P-384";
            case 521 -> "P-521";
            default -> bits + "-bit curve";
        };
    }
}
