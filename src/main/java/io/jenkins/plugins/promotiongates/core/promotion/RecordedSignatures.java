package io.jenkins.plugins.promotiongates.core.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.event.DetailFields;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.SignatureDetails;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * This run's {@code verifySignature} results, read back from its events in the controller's ledger:
 * every {@code signature.verified} event becomes a {@link VerifiedSignature} for the signature precondition.
 * An event that lacks a field, or holds a value of the wrong kind, is not used and is named with the
 * reason; events the ledger cannot show complete are not used at all.
 */
public final class RecordedSignatures {

    /** Longest text taken from an event field; longer values are refused as malformed. */
    static final int MAX_TEXT = SignatureDetails.MAX_TEXT;

    /**
     * @param signatures the verifications the signature precondition may rely on, oldest first
     * @param ignored one line per event (or chain) that was not used, with the reason
     */
    public record Reading(List<VerifiedSignature> signatures, List<String> ignored) {

        public Reading {
            signatures = List.copyOf(signatures);
            ignored = List.copyOf(ignored);
        }
    }

    private RecordedSignatures() {}

    /**
     * The signatures among a run's events as the controller's ledger holds them; none if the ledger
     * cannot show them complete. The run's own file is never read: a build can write it.
     */
    public static Reading read(LedgerEvents ledger) {
        if (ledger.problem().isPresent()) {
            return new Reading(
                    List.of(),
                    List.of("Audit: none of this run's signature verifications is used, because its events in the"
                            + " ledger cannot be proven complete"));
        }
        return read(ledger.events());
    }

    /** The signatures among {@code events}; other event types are skipped silently. */
    public static Reading read(List<AuditEvent> events) {
        List<VerifiedSignature> signatures = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (AuditEvent event : events) {
            if (!EventTypes.SIGNATURE_VERIFIED.equals(event.type())) {
                continue;
            }
            try {
                signatures.add(signature(event));
            } catch (IllegalArgumentException e) {
                ignored.add("audit event " + event.seq() + " (signature.verified) is not used: " + e.getMessage());
            }
        }
        return new Reading(signatures, ignored);
    }

    /**
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    static VerifiedSignature signature(AuditEvent event) {
        JsonNode artifact = event.get("artifact");
        ArtifactDigest digest = ArtifactDigest.ofHex(
                DigestAlgorithm.SHA256, DetailFields.strictText(artifact, "artifact.sha256", true), "artifact.sha256");
        JsonNode size = artifact.path("size");
        if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new IllegalArgumentException("artifact.size is missing or not a non-negative integer");
        }
        SignatureDetails details = SignatureDetails.from(event.get("details"));
        SignatureFormat format;
        try {
            format = SignatureFormat.parse(details.format());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("details.format names no known signature format");
        }
        return verified(
                details.trustedKey(),
                format,
                details.algorithm(),
                digest,
                size.asLong(),
                details.keyFingerprint(),
                details.signer(),
                details.warnings());
    }

    /**
     * The one place that rebuilds a verification from a recorded event (only verified ones are
     * recorded as {@code signature.verified}).
     */
    private static VerifiedSignature verified(
            String trustedKey,
            SignatureFormat format,
            String algorithm,
            ArtifactDigest digest,
            long size,
            String keyFingerprint,
            String signer,
            List<String> warnings) {
        return new VerifiedSignature(
                trustedKey,
                new Verification(
                        true, format, algorithm, digest, size, keyFingerprint, trustedKey, signer, warnings, ""));
    }
}
