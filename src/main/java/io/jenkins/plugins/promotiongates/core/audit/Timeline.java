package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's audit events as people and the REST API see them: one flat row per event for the
 * timeline page, plain maps for {@code api/json}, and the canonical JSON array for the export.
 *
 * @param rows the events in order
 * @param intact whether the run's chain verifies
 * @param problem when not intact, the first broken link and why
 */
public record Timeline(List<Row> rows, boolean intact, String problem) {

    /**
     * One event, flattened for display. Every value is text from the event, shown escaped.
     *
     * @param time as recorded (milliseconds); pages show {@link #displayTime()}
     * @param details the details' canonical JSON, for the REST API; pages show {@link #detailLines()}
     * @param detailLines the details as {@code key: value} lines (see {@link DetailLines})
     */
    public record Row(
            long seq,
            String time,
            String type,
            String actor,
            String environment,
            String artifactPath,
            String artifactSha256,
            String details,
            List<String> detailLines,
            String policyDigest,
            String hash) {

        public Row {
            detailLines = List.copyOf(detailLines);
        }

        /** The event's time as pages show it, to the second. */
        public String displayTime() {
            return DisplayTime.ofText(time);
        }

        /** For the REST API. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("seq", seq);
            map.put("time", time);
            map.put("type", type);
            map.put("actor", actor);
            map.put("environment", environment);
            map.put("artifactPath", artifactPath);
            map.put("artifactSha256", artifactSha256);
            map.put("details", details);
            map.put("policyDigest", policyDigest);
            map.put("hash", hash);
            return map;
        }
    }

    public Timeline {
        rows = List.copyOf(rows);
    }

    /** The timeline of a chain read from a run's file. */
    public static Timeline of(RunChain chain) {
        List<Row> rows = new ArrayList<>();
        for (AuditEvent event : chain.events()) {
            JsonNode artifact = event.get("artifact");
            JsonNode details = event.get("details");
            rows.add(new Row(
                    event.seq(),
                    event.time(),
                    event.type(),
                    event.actor(),
                    event.get("environment").asText(""),
                    artifact.path("path").asText(""),
                    artifact.path("sha256").asText(""),
                    details.isMissingNode()
                            ? ""
                            : new String(CanonicalJson.write(details), java.nio.charset.StandardCharsets.UTF_8),
                    DetailLines.of(details),
                    event.get("policyDigest").asText(""),
                    event.hash()));
        }
        return new Timeline(rows, chain.intact(), chain.problem().orElse(""));
    }

    /** The events as one canonical JSON array, exactly as recorded. */
    public static byte[] exportJson(RunChain chain) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        for (AuditEvent event : chain.events()) {
            events.add(event.json());
        }
        return CanonicalJson.write(events);
    }

    /** The rows as maps, for the REST API. */
    public List<Map<String, Object>> asMaps() {
        return rows.stream().map(Row::asMap).toList();
    }
}
