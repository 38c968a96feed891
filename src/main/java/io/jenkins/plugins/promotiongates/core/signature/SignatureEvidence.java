package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.SignatureDetails;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.List;
import java.util.Optional;

/**
 * What an approver is shown about the artifact's signature: the last {@code signature.verified}
 * event of the run for the same digest, in words, or that none was verified.
 */
public final class SignatureEvidence {

    private SignatureEvidence() {}

    /**
     * @param events the run's audit events, oldest first
     * @param artifactDigest the gate's digest; {@code null} for none
     */
    public static Optional<String> describe(List<AuditEvent> events, ArtifactDigest artifactDigest) {
        if (artifactDigest == null) {
            return Optional.empty();
        }
        String hex = artifactDigest.hex();
        for (int i = events.size() - 1; i >= 0; i--) {
            AuditEvent event = events.get(i);
            if (event.type().equals(EventTypes.SIGNATURE_VERIFIED)
                    && hex.equals(event.get("artifact").path("sha256").asText())) {
                SignatureDetails details = SignatureDetails.shown(event.get("details"));
                StringBuilder text = new StringBuilder("Verified ")
                        .append(details.format())
                        .append(" signature (")
                        .append(details.algorithm())
                        .append(')');
                append(text, " by trusted key '", details.trustedKey(), "'");
                append(text, ", signer ", details.signer(), "");
                append(text, ", key ", details.keyFingerprint(), "");
                append(text, ", from ", details.signature(), "");
                return Optional.of(text.append(" at ")
                        .append(DisplayTime.ofText(event.time()))
                        .toString());
            }
        }
        return Optional.of("No signature over this digest was verified in this run.");
    }

    private static void append(StringBuilder text, String before, String value, String after) {
        if (!value.isEmpty()) {
            text.append(before).append(value).append(after);
        }
    }
}
