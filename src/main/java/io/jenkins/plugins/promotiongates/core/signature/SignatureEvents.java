package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.event.ArtifactRef;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit events of {@code verifySignature}: {@code signature.verified} or {@code signature.failed},
 * with the artifact's digest when it was read, and what promoteArtifact's signature gate relies on
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
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signature", signature);
        details.put("format", verification.format().label());
        details.put("algorithm", verification.algorithm());
        details.put("keyFingerprint", verification.keyFingerprint());
        details.put("trustedKey", verification.trustedKey());
        details.put("signer", verification.signerIdentity());
        details.put("warnings", List.copyOf(verification.warnings()));
        if (!verification.verified()) {
            details.put("reason", verification.failure());
        }
        EventDraft draft = EventDraft.of(
                        verification.verified() ? EventTypes.SIGNATURE_VERIFIED : EventTypes.SIGNATURE_FAILED,
                        EventDraft.SYSTEM)
                .withDetails(details);
        if (verification.artifactDigest() != null) {
            draft = draft.withArtifact(
                    new ArtifactRef(artifact, verification.artifactSize(), verification.artifactDigest()));
        }
        return withPolicy(draft, environment, policyDigest);
    }

    /** A verification that could not run: a refused path, an unreadable or undetectable signature. */
    public static EventDraft failed(String artifact, String reason, String environment, String policyDigest) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("artifactPath", artifact);
        details.put("reason", reason);
        return withPolicy(
                EventDraft.of(EventTypes.SIGNATURE_FAILED, EventDraft.SYSTEM).withDetails(details),
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
