package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signature precondition: every file of the release carries a signature over its digest, by a key the
 * target trusts, verified in this run. An unsigned checksum never counts, whatever trusted key an event
 * claims for it. All of a release's files are checked and every unsigned one is named.
 */
final class SignaturePrecondition {

    /** The precondition's result and the signatures it relied on, one per file, if it passed. */
    record Outcome(PreconditionResult result, List<VerifiedSignature> signatures) {}

    /** One file's verdict: the signature relied on, or why there is none and what to do. */
    private record FileVerdict(Optional<VerifiedSignature> signature, String reason, String remedy) {}

    private SignaturePrecondition() {}

    /**
     * Whether a verification names who signed: an unsigned checksum (format {@code checksum}) or a
     * verdict without a trusted key proves integrity only and never satisfies this precondition.
     */
    private static boolean isSignature(VerifiedSignature signature) {
        return signature.verification().format() != SignatureFormat.CHECKSUM
                && !signature.trustedKey().isEmpty();
    }

    static Outcome check(
            String environment, SignatureRequirement required, Release release, List<VerifiedSignature> signatures) {
        if (required == null) {
            return new Outcome(
                    PreconditionResult.pass(
                            Precondition.SIGNATURE, "environments[" + environment + "] requires no signature"),
                    List.of());
        }
        List<VerifiedSignature> relied = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        for (ReleaseFile file : release.files()) {
            FileVerdict verdict = check(environment, required, file, signatures);
            if (verdict.signature().isPresent()) {
                relied.add(verdict.signature().get());
            } else {
                reasons.add(verdict.reason());
                if (!remedies.contains(verdict.remedy())) {
                    remedies.add(verdict.remedy());
                }
            }
        }
        if (!reasons.isEmpty()) {
            String unsigned = release.files().size() == 1
                    ? ""
                    : reasons.size() + " of " + release.files().size() + " files of the release lack a trusted"
                            + " signature (every file needs one: leave signature files out of the release, or"
                            + " sign a checksum list that covers every file): ";
            return new Outcome(
                    PreconditionResult.fail(
                            Precondition.SIGNATURE, unsigned + String.join("; ", reasons), String.join("; ", remedies)),
                    List.of());
        }
        VerifiedSignature first = relied.get(0);
        String message = release.files().size() == 1
                ? "signature over " + first.verification().artifactDigest() + " verified in this run with trusted key '"
                        + first.trustedKey() + "' ("
                        + first.verification().format().label() + ", "
                        + first.verification().algorithm() + ")"
                : "every file of the release (" + release.files().size() + ") has a signature verified in this run"
                        + " with a trusted key ("
                        + String.join(
                                ", ",
                                relied.stream()
                                        .map(VerifiedSignature::trustedKey)
                                        .distinct()
                                        .toList())
                        + ")";
        return new Outcome(PreconditionResult.pass(Precondition.SIGNATURE, message), List.copyOf(relied));
    }

    private static FileVerdict check(
            String environment, SignatureRequirement required, ReleaseFile file, List<VerifiedSignature> signatures) {
        ArtifactDigest digest = file.digest();
        String artifact = file.name();
        List<VerifiedSignature> overThisDigest = signatures.stream()
                .filter(s -> s.verification().verified()
                        && isSignature(s)
                        && digest.matches(s.verification().artifactDigest()))
                .toList();
        for (VerifiedSignature signature : overThisDigest) {
            if (required.trustedKeys().contains(signature.trustedKey())) {
                return new FileVerdict(Optional.of(signature), "", "");
            }
        }
        String keys = "environments[" + environment + "].signature.trustedKeys " + required.trustedKeys();
        if (!overThisDigest.isEmpty()) {
            List<String> used =
                    overThisDigest.stream().map(VerifiedSignature::trustedKey).toList();
            return new FileVerdict(
                    Optional.empty(),
                    "the signatures over " + digest + " (" + artifact + ") verified in this run were made with " + used
                            + ", none of which " + keys + " lists",
                    "sign " + artifact + " with one of " + required.trustedKeys()
                            + " and verify it with verifySignature before promoteArtifact");
        }
        boolean checksumOnly = signatures.stream()
                .anyMatch(s -> s.verification().verified()
                        && !isSignature(s)
                        && digest.matches(s.verification().artifactDigest()));
        if (checksumOnly) {
            return new FileVerdict(
                    Optional.empty(),
                    "only an unsigned checksum over " + digest + " (" + artifact + ") was verified in this run; it"
                            + " proves integrity, not who made " + artifact + ", and " + keys + " requires a"
                            + " signature",
                    "sign the checksum list with one of " + required.trustedKeys()
                            + " (for example gpg --detach-sign SHA256SUMS) and verify it with verifySignature"
                            + " checksums: 'SHA256SUMS', signature: 'SHA256SUMS.sig' before promoteArtifact");
        }
        return new FileVerdict(
                Optional.empty(),
                "no signature over " + artifact + " (" + digest + ") was verified in this run, and " + keys
                        + " requires one",
                "call verifySignature artifact: '" + artifact + "' with one of " + required.trustedKeys()
                        + " before promoteArtifact, on the same file");
    }
}
