package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The details of {@code approval.expired}: an approval, by the event's actor, stopped counting
 * because it was older than the approval validity when the gate closed.
 *
 * @param gate the gate id
 * @param artifactDigest the digest the gate is bound to in its text form, or empty
 * @param decidedAt when the approval was given, as an ISO-8601 instant
 * @param expiredAt when it stopped counting, as an ISO-8601 instant
 * @param validity the approval validity, as an ISO-8601 duration
 */
public record ApprovalExpiredDetails(
        String gate, String artifactDigest, String decidedAt, String expiredAt, String validity) {

    /** The details as the event records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> details = GateDetails.base(gate, artifactDigest);
        details.put("decidedAt", decidedAt);
        details.put("expiredAt", expiredAt);
        details.put("validity", validity);
        return details;
    }

    /** Reads recorded details; a missing member reads as empty. */
    public static ApprovalExpiredDetails from(JsonNode details) {
        return new ApprovalExpiredDetails(
                DetailFields.text(details, "gate"),
                DetailFields.text(details, "artifactDigest"),
                DetailFields.text(details, "decidedAt"),
                DetailFields.text(details, "expiredAt"),
                DetailFields.text(details, "validity"));
    }
}
