package io.jenkins.plugins.promotiongates.core.signature;

import java.util.List;

/**
 * Builds the failed {@link Verification} for a input, with a message that names the signature,
 * the artifact, the reason and the remedy, for example: "Signature dist/app.tar.gz.asc over
 * dist/app.tar.gz was made by key 0xABCD which is not among the trusted keys (release-team). Add
 * the key to the trusted keys or sign with a trusted key."
 */
public final class Rejection {

    private Rejection() {}

    /** The user-facing message for a rejected signature. */
    public static String message(VerifierInput input, String reason, String remedy) {
        return "Signature " + input.signatureName() + " over " + input.artifactName() + " " + reason + ". " + remedy;
    }

    /**
     * A failed verdict.
     *
     * @param hashes the artifact's digest when it was read, or {@code null} if it was not (the
     *     digest is then null and the size -1)
     */
    public static Verification of(
            VerifierInput input,
            SignatureFormat format,
            String algorithm,
            String keyFingerprint,
            ArtifactHashes hashes,
            SignatureRejectedException rejection) {
        return new Verification(
                false,
                format,
                algorithm,
                hashes == null ? null : hashes.sha256(),
                hashes == null ? -1 : hashes.size(),
                keyFingerprint,
                "",
                "",
                List.of(),
                message(input, rejection.reason(), rejection.remedy()));
    }

    /**
     * The rejection for a signature whose structure failed to decode somewhere deep inside a
     * parser: untrusted input, so any runtime failure of the parser means "malformed".
     *
     * @param kind the format's name, e.g. {@code OpenPGP}
     * @param tool the command that makes a good signature, e.g. {@code gpg --detach-sign}
     */
    public static SignatureRejectedException malformed(String kind, String tool) {
        return new SignatureRejectedException(
                "is a damaged " + kind + " signature that cannot be decoded",
                "Give the signature file exactly as " + tool + " wrote it.");
    }

    /** The names of the trusted keys, for messages: {@code release-team, ops}. */
    public static String trustedKeyNames(VerifierInput input) {
        if (input.trustedKeys().isEmpty()) {
            return "none configured";
        }
        return String.join(
                ", ", input.trustedKeys().stream().map(TrustedKey::name).toList());
    }
}
