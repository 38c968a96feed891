package io.jenkins.plugins.promotiongates.core.signature;

import java.io.Serializable;
import java.util.Locale;

/**
 * The algorithm floor: what is too weak to count as a signature. By default MD5, SHA-1,
 * RIPEMD-160, DSA and RSA keys under 2048 bits are refused.
 *
 * @param minimumRsaBits smallest RSA modulus accepted
 * @param allowSha1 whether SHA-1 may be the signature's hash (only a policy may allow it)
 * @param allowDsa whether DSA keys are accepted
 * @param minimumHashBits the weakest SHA-2 digest accepted, in bits (256, 384 or 512); SHA-1 is
 *     governed by {@code allowSha1}
 */
public record AlgorithmPolicy(int minimumRsaBits, boolean allowSha1, boolean allowDsa, int minimumHashBits)
        implements Serializable {

    /** The default floor. */
    public static final AlgorithmPolicy DEFAULT = new AlgorithmPolicy(2048, false, false);

    public AlgorithmPolicy {
        if (minimumRsaBits < 1024) {
            throw new IllegalArgumentException(
                    "minimumRsaBits " + minimumRsaBits + " is below 1024, which is never acceptable");
        }
    }

    /** A floor that accepts any SHA-2 digest. */
    public AlgorithmPolicy(int minimumRsaBits, boolean allowSha1, boolean allowDsa) {
        this(minimumRsaBits, allowSha1, allowDsa, 224);
    }

    /**
     * Why an RSA key of {@code bits} is refused, or {@code null} if it is accepted; the message names
     * the policy setting.
     */
    public String refuseRsa(int bits) {
        return bits < minimumRsaBits
                ? "RSA key of " + bits + " bits is below the policy's minimum of " + minimumRsaBits
                        + " bits (setting: minimum RSA key size)"
                : null;
    }

    /** Why a hash is refused, or {@code null} if accepted. Names are JCA style: {@code SHA-256}. */
    public String refuseHash(String hash) {
        String name = hash.toUpperCase(Locale.ROOT).replace("-", "");
        if (name.equals("MD5") || name.equals("MD2") || name.startsWith("RIPEMD")) {
            return hash + " is a broken hash and is never accepted";
        }
        if (name.equals("SHA1")) {
            return allowSha1
                    ? null
                    : "SHA-1 is refused by the algorithm policy (setting: allow SHA-1); re-sign with SHA-256 or stronger";
        }
        if (name.startsWith("SHA") && name.length() == 6 && !name.startsWith("SHA3")) {
            int bits = Integer.parseInt(name.substring(3));
            if (bits < minimumHashBits) {
                return hash + " is weaker than the policy's minimum hash of SHA-" + minimumHashBits
                        + " (setting: minimum hash); re-sign with SHA-" + minimumHashBits + " or stronger";
            }
        }
        return null;
    }

    /** Why DSA is refused, or {@code null} if accepted. */
    public String refuseDsa() {
        return allowDsa
                ? null
                : "DSA keys are refused by the algorithm policy (setting: allow DSA); sign with Ed25519, ECDSA or RSA";
    }
}
