package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;

/** Names an OpenPGP signing key's algorithm and applies the algorithm policy to it. */
final class PgpKeyStrength {

    private PgpKeyStrength() {}

    /** The key's algorithm as shown in the verdict, e.g. {@code RSA-3072}, {@code EdDSA}. */
    static String check(PgpSigningKey signer, AlgorithmPolicy policy) throws SignatureRejectedException {
        PGPPublicKey key = signer.key();
        String refusal;
        String name;
        switch (key.getAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> {
                name = "RSA-" + key.getBitStrength();
                refusal = policy.refuseRsa(key.getBitStrength());
            }
            case PublicKeyAlgorithmTags.DSA -> {
                name = "DSA-" + key.getBitStrength();
                refusal = policy.refuseDsa();
            }
            case PublicKeyAlgorithmTags.ECDSA -> {
                name = "ECDSA-" + key.getBitStrength();
                refusal = null;
            }
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> {
                name = "EdDSA";
                refusal = null;
            }
            default -> {
                name = "algorithm " + key.getAlgorithm();
                refusal = "OpenPGP public-key algorithm " + key.getAlgorithm() + " cannot sign data here";
            }
        }
        if (refusal != null) {
            throw new SignatureRejectedException(
                    "was made by key 0x" + signer.fingerprint() + " (" + name + "), which is refused: " + refusal,
                    "Sign with an Ed25519 or RSA (3072 bits or more) key, or have an administrator change the algorithm policy.");
        }
        return name;
    }
}
