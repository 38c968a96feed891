package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The details of an approval gate's closing event: {@code gate.passed}, {@code gate.failed} or
 * {@code approval.timedout} as the approval gate records them, by whoever closed it. (promoteArtifact's
 * own {@code gate.passed} and {@code gate.failed} carry its gate evaluation instead, and no gate id.)
 *
 * @param gate the gate id
 * @param artifactDigest the digest the gate is bound to in its text form, or empty
 * @param state the gate's final state, such as {@code APPROVED}
 * @param reason why it closed, in words
 * @param closedAt when it closed, as an ISO-8601 instant, or empty
 * @param breakGlass whether it was forced open
 */
public record GateClosedDetails(
        String gate, String artifactDigest, String state, String reason, String closedAt, boolean breakGlass) {

    /** The details as the event records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> details = GateDetails.base(gate, artifactDigest);
        details.put("state", state);
        details.put("reason", reason);
        details.put("closedAt", closedAt);
        details.put("breakGlass", breakGlass);
        return details;
    }

    /** Reads recorded details; a missing member reads as empty. */
    public static GateClosedDetails from(JsonNode details) {
        return new GateClosedDetails(
                DetailFields.text(details, "gate"),
                DetailFields.text(details, "artifactDigest"),
                DetailFields.text(details, "state"),
                DetailFields.text(details, "reason"),
                DetailFields.text(details, "closedAt"),
                details.path("breakGlass").asBoolean());
    }
}
