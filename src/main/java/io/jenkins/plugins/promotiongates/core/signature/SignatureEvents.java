package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.event.ArtifactRef;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.SignatureDetails;
import io.jenkins.plugins.promotiongates.core.event.SignatureNotRunDetails;

/**
 * The audit events of {@code verifySignature}: {@code signature.verified} or {@code signature.failed},
 * with the artifact's digest when it was read, and what promoteArtifact's signature precondition relies on
 * later (format, algorithm, key fingerprint, trusted key, signer). Never key material.
 */
public final class SignatureEvents {

    private SignatureEvents() {}

    /**
     * @param artifact the artifact as the user named it
     * @param signature the signature file used
     * @param environment the environment whose policy applied, or empty
     * @param policyDigest that environment's policy digest, or empty
     */
    public static EventDraft of(
            Verification verification, String artifact, String signature, String environment, String policyDigest) {
        SignatureDetails details = new SignatureDetails(
                signature,
                verification.format().label(),
                verification.algorithm(),
                verification.keyFingerprint(),
                verification.trustedKey(),
                verification.signerIdentity(),
                verification.warnings(),
                verification.verified() ? null : verification.failure());
        EventDraft draft = EventDraft.of(
                        verification.verified() ? EventTypes.SIGNATURE_VERIFIED : EventTypes.SIGNATURE_FAILED,
                        EventDraft.SYSTEM)
                .withDetails(details.toMap());
        if (verification.artifactDigest() != null) {
            draft = draft.withArtifact(
                    new ArtifactRef(artifact, verification.artifactSize(), verification.artifactDigest()));
        }
        return withPolicy(draft, environment, policyDigest);
    }

    /** A verification that could not run: a refused path, an unreadable or undetectable signature. */
    public static EventDraft failed(String artifact, String reason, String environment, String policyDigest) {
        return withPolicy(
                EventDraft.of(EventTypes.SIGNATURE_FAILED, EventDraft.SYSTEM)
                        .withDetails(new SignatureNotRunDetails(artifact, reason).toMap()),
                environment,
                policyDigest);
    }

    private static EventDraft withPolicy(EventDraft draft, String environment, String policyDigest) {
        EventDraft result = draft;
        if (environment != null && !environment.isEmpty()) {
            result = result.withEnvironment(environment);
        }
        if (policyDigest != null && !policyDigest.isEmpty()) {
            result = result.withPolicyDigest(policyDigest);
        }
        return result;
    }
}
