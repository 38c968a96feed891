package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of {@code signature.failed} when no verification could run (a refused path, an
 * unreadable or undetectable signature).
 *
 * @param artifactPath the artifact as the user named it
 * @param reason why nothing was verified
 */
public record SignatureNotRunDetails(String artifactPath, String reason) {

    /** The details as the event records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("artifactPath", artifactPath);
        details.put("reason", reason);
        return details;
    }

    /** Reads recorded details; a missing member reads as empty. */
    public static SignatureNotRunDetails from(JsonNode details) {
        return new SignatureNotRunDetails(
                DetailFields.text(details, "artifactPath"), DetailFields.text(details, "reason"));
    }
}
