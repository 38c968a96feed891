package io.jenkins.plugins.promotiongates.core.evidence.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import io.jenkins.plugins.promotiongates.core.evidence.StrictJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the results of a SARIF 2.1.0 file. A result's level comes from the result, else from its rule's
 * default configuration, else is warning; a result whose kind is not {@code fail} (pass, review,
 * informational...) has level none; a result whose baseline state is {@code absent} is gone and skipped.
 * {@code security-severity} is read from the result's properties, else from its rule's, where GitHub reads it.
 */
public final class SarifReader {

    private final StrictJson json;

    public SarifReader(EvidenceLimits limits) {
        this.json = new StrictJson(limits);
    }

    /**
     * @throws EvidenceRefusedException naming the file, the reason and the remedy: not JSON, too deep, not
     *     SARIF 2.1.0, or a malformed security-severity
     */
    public List<SarifFinding> read(EvidenceDocument document) throws EvidenceRefusedException {
        String what = "the SARIF file '" + document.name() + "'";
        JsonNode tree = json.readObject(document.bytes(), what);
        String version = tree.path("version").asText("");
        if (!version.equals("2.1.0")) {
            throw new EvidenceRefusedException(
                    what + " is SARIF version " + QuotedInput.of(version) + "; this gate reads SARIF 2.1.0",
                    "have the scanner write SARIF 2.1.0 (the version GitHub code scanning reads)");
        }
        JsonNode runs = tree.get("runs");
        if (runs == null || !runs.isArray()) {
            throw new EvidenceRefusedException(
                    what + " has no runs array", "archive the SARIF file as the scanner wrote it");
        }
        List<SarifFinding> findings = new ArrayList<>();
        for (JsonNode run : runs) {
            readRun(run, what, findings);
        }
        return findings;
    }

    private static void readRun(JsonNode run, String what, List<SarifFinding> findings)
            throws EvidenceRefusedException {
        JsonNode driver = run.path("tool").path("driver");
        String tool = (driver.path("name").asText("scanner") + " "
                        + driver.path("version").asText(""))
                .strip();
        List<JsonNode> indexed = new ArrayList<>();
        driver.path("rules").forEach(indexed::add);
        Map<String, JsonNode> byId = new HashMap<>();
        indexed.forEach(rule -> byId.putIfAbsent(rule.path("id").asText(""), rule));
        for (JsonNode extension : run.path("tool").path("extensions")) {
            extension
                    .path("rules")
                    .forEach(rule -> byId.putIfAbsent(rule.path("id").asText(""), rule));
        }
        int index = 0;
        for (JsonNode result : run.path("results")) {
            String at = what + ", result " + index++;
            if (result.path("baselineState").asText("").equals("absent")) {
                continue;
            }
            String ruleId =
                    result.path("ruleId").asText(result.path("rule").path("id").asText(""));
            int ruleIndex = result.path("ruleIndex")
                    .asInt(result.path("rule").path("index").asInt(-1));
            JsonNode rule = ruleIndex >= 0 && ruleIndex < indexed.size() ? indexed.get(ruleIndex) : byId.get(ruleId);
            if (rule == null) {
                rule = MissingNode.getInstance();
            }
            if (ruleId.isEmpty()) {
                ruleId = rule.path("id").asText("(no rule)");
            }
            findings.add(new SarifFinding(
                    tool,
                    ruleId,
                    level(result, rule, at),
                    severity(result, rule, at),
                    location(result),
                    fingerprints(result),
                    QuotedInput.of(result.path("message")
                            .path("text")
                            .asText("")
                            .lines()
                            .findFirst()
                            .orElse("")),
                    result.path("suppressions").size() > 0));
        }
    }

    private static SarifLevel level(JsonNode result, JsonNode rule, String at) throws EvidenceRefusedException {
        String kind = result.path("kind").asText("fail");
        if (!kind.equals("fail")) {
            return SarifLevel.NONE;
        }
        String level = result.path("level")
                .asText(rule.path("defaultConfiguration").path("level").asText("warning"));
        try {
            return SarifLevel.parse(level, "level");
        } catch (IllegalArgumentException e) {
            throw new EvidenceRefusedException(
                    at + ": " + e.getMessage(), "archive the SARIF file as the scanner wrote it");
        }
    }

    private static OptionalDouble severity(JsonNode result, JsonNode rule, String at) throws EvidenceRefusedException {
        JsonNode value = result.path("properties").get("security-severity");
        if (value == null) {
            value = rule.path("properties").get("security-severity");
        }
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(SecuritySeverity.score(value.asText()));
        } catch (IllegalArgumentException e) {
            throw new EvidenceRefusedException(
                    at + ": security-severity " + e.getMessage() + ", and GitHub reads it as a score from 0.0 to"
                            + " 10.0",
                    "archive the SARIF file as the scanner wrote it");
        }
    }

    private static String location(JsonNode result) {
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        String uri = physical.path("artifactLocation").path("uri").asText("");
        int line = physical.path("region").path("startLine").asInt(0);
        return uri.isEmpty() || line <= 0 ? uri : uri + ":" + line;
    }

    private static List<String> fingerprints(JsonNode result) {
        List<String> values = new ArrayList<>();
        result.path("fingerprints").forEach(value -> values.add(value.asText()));
        result.path("partialFingerprints").forEach(value -> values.add(value.asText()));
        return values;
    }
}
