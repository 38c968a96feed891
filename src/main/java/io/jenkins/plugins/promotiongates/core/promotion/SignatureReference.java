package io.jenkins.plugins.promotiongates.core.promotion;

/**
 * The verified signature a promotion relied on, as recorded with it: enough to find the
 * {@code signature.verified} event of the same run, no key material.
 *
 * @param trustedKey the trusted key's configured name
 * @param format the signature format's label, such as {@code openpgp}
 * @param algorithm such as {@code Ed25519} or {@code RSA-3072/SHA-256}
 * @param keyFingerprint the signing key's fingerprint as its tool prints it
 * @param signer the signer's identity, possibly empty
 */
public record SignatureReference(
        String trustedKey, String format, String algorithm, String keyFingerprint, String signer) {

    public static SignatureReference of(VerifiedSignature signature) {
        return new SignatureReference(
                signature.trustedKey(),
                signature.verification().format().label(),
                signature.verification().algorithm(),
                signature.verification().keyFingerprint(),
                signature.verification().signerIdentity());
    }
}
