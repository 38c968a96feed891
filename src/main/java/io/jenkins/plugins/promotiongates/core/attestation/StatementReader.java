package io.jenkins.plugins.promotiongates.core.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the statement that {@link StatementJson} writes, strictly: the in-toto and VSA types,
 * a {@code PASSED} result, every value {@link PromotionStatement} needs, and {@code verifiedLevels}
 * that agree with the gate names. Fields it does not know are ignored, as the in-toto parsing rules
 * ask.
 */
final class StatementReader {

    private static final String REMEDY = "Only promotion attestations that Promotion Gates writes are accepted;"
            + " check that this is the file the controller wrote";

    private final String input;

    private StatementReader(String input) {
        this.input = input;
    }

    /**
     * @param payload the DSSE payload, already authenticated
     * @param input the name of what was read, for messages
     * @throws AttestationRejectedException naming the input and the first field refused
     */
    static PromotionStatement read(byte[] payload, String input) throws AttestationRejectedException {
        return new StatementReader(input).read(payload);
    }

    private PromotionStatement read(byte[] payload) throws AttestationRejectedException {
        ObjectNode root;
        try {
            root = CanonicalJson.readObject(payload, 0, payload.length, input + " payload");
        } catch (JsonFormatException e) {
            throw refused("its payload is not a JSON object (" + e.getMessage() + ")");
        }
        expect(root, "_type", StatementJson.STATEMENT_TYPE, "$");
        expect(root, "predicateType", StatementJson.PREDICATE_TYPE, "$");
        List<AttestationSubject> subjects = subjects(root);
        JsonNode predicate = object(root, "predicate", "$");
        expect(predicate, "verificationResult", StatementJson.PASSED, "$.predicate");
        JsonNode promotion = object(predicate, StatementJson.PROMOTION_FIELD, "$.predicate");
        String promotionPath = "$.predicate[\"" + StatementJson.PROMOTION_FIELD + "\"]";
        List<String> gates = strings(promotion, "gates", promotionPath);
        List<String> levels = strings(predicate, "verifiedLevels", "$.predicate");
        JsonNode policy = object(predicate, "policy", "$.predicate");
        try {
            if (!levels.equals(PreconditionLevels.levels(PreconditionLevels.checked(gates)))) {
                throw refused("$.predicate.verifiedLevels " + levels + " do not match the gates " + gates);
            }
            return new PromotionStatement(
                    subjects,
                    text(promotion, "application", promotionPath),
                    text(promotion, "version", promotionPath),
                    text(promotion, "environment", promotionPath),
                    sha256(object(promotion, "release", promotionPath), promotionPath + ".release"),
                    text(policy, "uri", "$.predicate.policy"),
                    text(object(policy, "digest", "$.predicate.policy"), "sha256", "$.predicate.policy.digest"),
                    gates,
                    text(object(predicate, "verifier", "$.predicate"), "id", "$.predicate.verifier"),
                    text(predicate, "resourceUri", "$.predicate"),
                    Instant.parse(text(predicate, "timeVerified", "$.predicate")));
        } catch (DateTimeException e) {
            throw refused("$.predicate.timeVerified is not an RFC 3339 UTC time such as 2025-06-02T10:00:00Z");
        } catch (IllegalArgumentException e) {
            throw refused("it is not a valid promotion statement (" + e.getMessage() + ")");
        }
    }

    private List<AttestationSubject> subjects(JsonNode root) throws AttestationRejectedException {
        JsonNode array = root.get("subject");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw refused("$.subject is missing or not a list of files");
        }
        List<AttestationSubject> subjects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.subject[" + i + "]";
            JsonNode subject = array.get(i);
            String name = text(subject, "name", path);
            try {
                subjects.add(new AttestationSubject(name, sha256(object(subject, "digest", path), path + ".digest")));
            } catch (IllegalArgumentException e) {
                throw refused(path + " is not a file with a SHA-256 (" + e.getMessage() + ")");
            }
        }
        return subjects;
    }

    private ArtifactDigest sha256(JsonNode digestSet, String path) throws AttestationRejectedException {
        String hex = text(digestSet, "sha256", path);
        try {
            return ArtifactDigest.ofHex(DigestAlgorithm.SHA256, hex, path + ".sha256");
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private void expect(JsonNode parent, String field, String expected, String path)
            throws AttestationRejectedException {
        String value = text(parent, field, path);
        if (!value.equals(expected)) {
            throw refused(path + "." + field + " is '" + value + "', not '" + expected + "'");
        }
    }

    private JsonNode object(JsonNode parent, String field, String path) throws AttestationRejectedException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw refused(path + "." + field + " is missing or not an object");
        }
        return node;
    }

    private String text(JsonNode parent, String field, String path) throws AttestationRejectedException {
        JsonNode node = parent == null || !parent.isObject() ? null : parent.get(field);
        if (node == null || !node.isTextual()) {
            throw refused(path + "." + field + " is missing or not a string");
        }
        return node.textValue();
    }

    private List<String> strings(JsonNode parent, String field, String path) throws AttestationRejectedException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw refused(path + "." + field + " is missing or not a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw refused(path + "." + field + " holds something other than a string");
            }
            values.add(value.textValue());
        }
        return values;
    }

    private AttestationRejectedException refused(String reason) {
        return new AttestationRejectedException(input, reason, REMEDY + ".");
    }
}
