package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The details of {@code signature.verified}, and of {@code signature.failed} when a verification ran:
 * what promoteArtifact's signature precondition and the approver's page rely on later. Never key material.
 * Written by the signature package and read back through {@link #from}, so both use the same keys.
 *
 * @param signature the signature file used
 * @param format the signature format's label, such as {@code openpgp}
 * @param algorithm the signature algorithm
 * @param keyFingerprint the signing key's fingerprint, or {@code null}/empty when none is known
 * @param trustedKey the administrator's trusted key that verified it, or {@code null}/empty
 * @param signer the signer's identity, or {@code null}/empty
 * @param warnings what the verification warned about
 * @param reason why the verification failed; {@code null} for a verified signature (then not written)
 */
public record SignatureDetails(
        String signature,
        String format,
        String algorithm,
        String keyFingerprint,
        String trustedKey,
        String signer,
        List<String> warnings,
        String reason) {

    /** Longest text read from a recorded member; longer values are refused as malformed. */
    public static final int MAX_TEXT = DetailFields.MAX_TEXT;

    public SignatureDetails {
        warnings = List.copyOf(warnings);
    }

    /** The details as the event records them (null members are written as JSON null). */
    public Map<String, Object> toMap() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signature", signature);
        details.put("format", format);
        details.put("algorithm", algorithm);
        details.put("keyFingerprint", keyFingerprint);
        details.put("trustedKey", trustedKey);
        details.put("signer", signer);
        details.put("warnings", warnings);
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    /**
     * Reads recorded details strictly, as a gate relies on them: {@code format} and {@code algorithm}
     * are required, the key, signer and warnings may be missing (read as empty) and are bounded strings;
     * {@code signature} and {@code reason}, which no gate relies on, are read as they are.
     *
     * @throws IllegalArgumentException naming the missing or malformed member
     */
    public static SignatureDetails from(JsonNode details) {
        String format = DetailFields.strictText(details, "details.format", true);
        List<String> warnings = DetailFields.strictTexts(details, "warnings");
        String trustedKey = DetailFields.strictText(details, "details.trustedKey", false);
        String algorithm = DetailFields.strictText(details, "details.algorithm", true);
        String keyFingerprint = DetailFields.strictText(details, "details.keyFingerprint", false);
        String signer = DetailFields.strictText(details, "details.signer", false);
        String signature = DetailFields.text(details, "signature");
        JsonNode reason = details.path("reason");
        return new SignatureDetails(
                signature,
                format,
                algorithm,
                keyFingerprint,
                trustedKey,
                signer,
                warnings,
                reason.isTextual() ? reason.asText() : null);
    }

    /**
     * Reads recorded details for display: every member as its text, empty when missing; never refuses.
     */
    public static SignatureDetails shown(JsonNode details) {
        JsonNode reason = details.path("reason");
        return new SignatureDetails(
                DetailFields.text(details, "signature"),
                DetailFields.text(details, "format"),
                DetailFields.text(details, "algorithm"),
                DetailFields.text(details, "keyFingerprint"),
                DetailFields.text(details, "trustedKey"),
                DetailFields.text(details, "signer"),
                DetailFields.texts(details, "warnings"),
                reason.isMissingNode() || reason.isNull() ? null : reason.asText());
    }
}
