package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every event of an approval gate's life carries in its details: the gate id and the artifact
 * digest the gate is bound to. The typed records of each gate event start from these two members.
 *
 * @param gate the gate id
 * @param artifactDigest the bound digest in its text form, or empty when the gate is bound to none
 */
public record GateDetails(String gate, String artifactDigest) {

    /** Reads the two members of any gate event; a missing member reads as empty. */
    public static GateDetails from(JsonNode details) {
        return new GateDetails(DetailFields.text(details, "gate"), DetailFields.text(details, "artifactDigest"));
    }

    static Map<String, Object> base(String gate, String artifactDigest) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("gate", gate);
        details.put("artifactDigest", artifactDigest);
        return details;
    }
}
