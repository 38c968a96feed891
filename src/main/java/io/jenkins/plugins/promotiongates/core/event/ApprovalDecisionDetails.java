package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The details of {@code approval.granted}, {@code approval.rejected} and {@code approval.breakglass}:
 * one accepted decision, by the event's actor.
 *
 * @param gate the gate id
 * @param artifactDigest the digest the gate is bound to in its text form, or empty
 * @param comment the comment or justification, possibly empty
 * @param decidedAt when the gate accepted it, as an ISO-8601 instant
 * @param rules indices of the approval rules the approval may count for
 */
public record ApprovalDecisionDetails(
        String gate, String artifactDigest, String comment, String decidedAt, List<Integer> rules) {

    public ApprovalDecisionDetails {
        rules = List.copyOf(rules);
    }

    /** The details as the event records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> details = GateDetails.base(gate, artifactDigest);
        details.put("comment", comment);
        details.put("decidedAt", decidedAt);
        details.put("rules", rules);
        return details;
    }

    /** Reads recorded details; a missing member reads as empty. */
    public static ApprovalDecisionDetails from(JsonNode details) {
        List<Integer> rules = new ArrayList<>();
        details.path("rules").forEach(rule -> rules.add(rule.asInt()));
        return new ApprovalDecisionDetails(
                DetailFields.text(details, "gate"),
                DetailFields.text(details, "artifactDigest"),
                DetailFields.text(details, "comment"),
                DetailFields.text(details, "decidedAt"),
                rules);
    }
}
