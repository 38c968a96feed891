package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import java.util.List;
import java.util.Optional;

/**
 * The signature gate: a signature over this digest, by a key the target trusts, verified in this run. An
 * unsigned checksum never counts, whatever trusted key an event claims for it.
 */
final class SignatureCheck {

    /** The gate's result and the signature it relied on, if any. */
    record Outcome(GateResult result, Optional<VerifiedSignature> signature) {}

    private SignatureCheck() {}

    /**
     * Whether a verification names who signed: an unsigned checksum (format {@code checksum}) or a
     * verdict without a trusted key proves integrity only and never satisfies this gate.
     */
    private static boolean isSignature(VerifiedSignature signature) {
        return signature.verification().format() != SignatureFormat.CHECKSUM
                && !signature.trustedKey().isEmpty();
    }

    static Outcome check(
            String environment,
            SignatureRequirement required,
            String artifact,
            ArtifactDigest digest,
            List<VerifiedSignature> signatures) {
        if (required == null) {
            return new Outcome(
                    GateResult.pass(Gate.SIGNATURE, "environments[" + environment + "] requires no signature"),
                    Optional.empty());
        }
        List<VerifiedSignature> overThisDigest = signatures.stream()
                .filter(s -> s.verification().verified()
                        && isSignature(s)
                        && digest.matches(s.verification().artifactDigest()))
                .toList();
        for (VerifiedSignature signature : overThisDigest) {
            if (required.trustedKeys().contains(signature.trustedKey())) {
                return new Outcome(
                        GateResult.pass(
                                Gate.SIGNATURE,
                                "signature over " + digest + " verified in this run with trusted key '"
                                        + signature.trustedKey() + "' ("
                                        + signature.verification().format().label() + ", "
                                        + signature.verification().algorithm() + ")"),
                        Optional.of(signature));
            }
        }
        String keys = "environments[" + environment + "].signature.trustedKeys " + required.trustedKeys();
        if (!overThisDigest.isEmpty()) {
            List<String> used =
                    overThisDigest.stream().map(VerifiedSignature::trustedKey).toList();
            return new Outcome(
                    GateResult.fail(
                            Gate.SIGNATURE,
                            "the signatures over " + digest + " verified in this run were made with " + used
                                    + ", none of which " + keys + " lists",
                            "sign " + artifact + " with one of " + required.trustedKeys()
                                    + " and verify it with verifySignature before promoteArtifact"),
                    Optional.empty());
        }
        boolean checksumOnly = signatures.stream()
                .anyMatch(s -> s.verification().verified()
                        && !isSignature(s)
                        && digest.matches(s.verification().artifactDigest()));
        if (checksumOnly) {
            return new Outcome(
                    GateResult.fail(
                            Gate.SIGNATURE,
                            "only an unsigned checksum over " + digest + " was verified in this run; it proves"
                                    + " integrity, not who made " + artifact + ", and " + keys + " requires a"
                                    + " signature",
                            "sign the checksum list with one of " + required.trustedKeys()
                                    + " (for example gpg --detach-sign SHA256SUMS) and verify it with verifySignature"
                                    + " checksums: 'SHA256SUMS', signature: 'SHA256SUMS.sig' before promoteArtifact"),
                    Optional.empty());
        }
        return new Outcome(
                GateResult.fail(
                        Gate.SIGNATURE,
                        "no signature over " + artifact + " (" + digest + ") was verified in this run, and " + keys
                                + " requires one",
                        "call verifySignature artifact: '" + artifact + "' with one of " + required.trustedKeys()
                                + " before promoteArtifact, on the same file"),
                Optional.empty());
    }
}
