package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The details of {@code promotion.refused}: a gate failed, the repository refused, or the write failed.
 *
 * @param status {@code REFUSED} or {@code FAILED}
 * @param reasons why, one sentence each
 */
public record PromotionRefusedDetails(String status, List<String> reasons) {

    /** The status of a promotion whose write failed (otherwise it was refused). */
    public static final String FAILED = "FAILED";

    public PromotionRefusedDetails {
        reasons = List.copyOf(reasons);
    }

    /** Whether the write failed, rather than a gate or the repository refusing it. */
    public boolean failed() {
        return FAILED.equals(status);
    }

    /** The details as the event records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        details.put("reasons", reasons);
        return details;
    }

    /** Reads recorded details; a missing member reads as empty. */
    public static PromotionRefusedDetails from(JsonNode details) {
        return new PromotionRefusedDetails(
                DetailFields.text(details, "status"), DetailFields.texts(details, "reasons"));
    }
}
