package io.jenkins.plugins.promotiongates.core.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.policy.CanonicalPolicyJson;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.release.ReleaseJson;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link PromotionRecord}: a tree of maps, lists, strings, integers and booleans
 * (times as ISO-8601 UTC strings, no floating point) for the {@code details} of the
 * {@code promotion.completed} audit event, and the reverse, so the inventory can be rebuilt from events.
 *
 * <p>Format 2 records a release ({@code application}, {@code version}, {@code releaseDigest},
 * {@code files}) and the {@code signatures} relied on. Format 1 records, written before releases existed,
 * are still read: each is a one-file release of the application named after its file.
 */
public final class PromotionRecordJson {

    /** Bumped when the form changes. */
    public static final int FORMAT = 2;

    /** The form written before releases: one artifact, one signature. */
    static final int SINGLE_ARTIFACT_FORMAT = 1;

    private static final int MAX_CHARS = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PromotionRecordJson() {}

    public static Map<String, Object> toTree(PromotionRecord r) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", FORMAT);
        tree.put("environment", r.environment());
        tree.put("from", r.from());
        tree.put("application", r.application());
        tree.put("version", r.version());
        tree.put("releaseDigest", r.digest().toString());
        tree.put("files", ReleaseJson.files(r.release()));
        tree.put("run", r.run());
        tree.put("runUrl", r.runUrl());
        tree.put("time", r.time().toString());
        tree.put("location", r.location());
        tree.put("stored", r.stored());
        tree.put("rollback", r.rollback());
        tree.put("rollbackFastPath", r.rollbackFastPath());
        List<Object> approvals = new ArrayList<>();
        for (ApprovalSummary a : r.approvals()) {
            approvals.add(Map.of(
                    "gateId", a.gateId(),
                    "state", a.state(),
                    "policyDigest", a.policyDigest(),
                    "approvers", a.approvers()));
        }
        tree.put("approvals", approvals);
        List<Object> signatures = new ArrayList<>();
        r.signatures().forEach(signature -> signatures.add(signature(signature)));
        tree.put("signatures", signatures);
        tree.put("policyDigest", r.policyDigest());
        tree.put(
                "snapshot",
                Map.of(
                        "variables",
                        r.snapshot().variables(),
                        "tools",
                        r.snapshot().tools()));
        Map<String, Object> changed = new TreeMap<>();
        r.drift().changed().forEach((key, change) -> changed.put(key, List.of(change.before(), change.after())));
        tree.put(
                "drift",
                Map.of(
                        "baseline", r.drift().baseline(),
                        "added", r.drift().added(),
                        "removed", r.drift().removed(),
                        "changed", changed));
        return tree;
    }

    /** Canonical UTF-8 bytes (keys sorted, no whitespace), as written beside a promoted file. */
    public static byte[] canonicalBytes(PromotionRecord record) {
        return CanonicalPolicyJson.write(toTree(record)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static PromotionRecord read(String json) {
        if (json == null || json.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "A promotion record is missing or longer than " + MAX_CHARS + " characters");
        }
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A promotion record is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads the tree {@link #toTree} wrote, such as the details of a {@code promotion.completed} event.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static PromotionRecord fromTree(JsonNode n) {
        int format = n == null || !n.isObject() ? 0 : field(n, "format").asInt();
        if (format != FORMAT && format != SINGLE_ARTIFACT_FORMAT) {
            throw new IllegalArgumentException("promotion record.format is not " + SINGLE_ARTIFACT_FORMAT + " or "
                    + FORMAT + "; this record was written by another version of Promotion Gates");
        }
        List<ApprovalSummary> approvals = new ArrayList<>();
        for (JsonNode a : field(n, "approvals")) {
            approvals.add(new ApprovalSummary(
                    text(a, "gateId"), text(a, "state"), text(a, "policyDigest"), strings(field(a, "approvers"))));
        }
        JsonNode drift = field(n, "drift");
        Map<String, SnapshotDrift.Change> changed = new TreeMap<>();
        field(drift, "changed")
                .fields()
                .forEachRemaining(e -> changed.put(
                        e.getKey(),
                        new SnapshotDrift.Change(
                                e.getValue().path(0).asText(),
                                e.getValue().path(1).asText())));
        JsonNode snapshot = field(n, "snapshot");
        Release release = format == FORMAT ? release(n) : singleArtifact(n);
        List<SignatureReference> signatures = new ArrayList<>();
        if (format == FORMAT) {
            field(n, "signatures").forEach(s -> signatures.add(signature(s)));
        } else if (!field(n, "signature").isNull()) {
            signatures.add(signature(field(n, "signature")));
        }
        try {
            return new PromotionRecord(
                    text(n, "environment"),
                    text(n, "from"),
                    release,
                    text(n, "run"),
                    text(n, "runUrl"),
                    Instant.parse(text(n, "time")),
                    text(n, "location"),
                    field(n, "stored").asBoolean(),
                    field(n, "rollback").asBoolean(),
                    field(n, "rollbackFastPath").asBoolean(),
                    approvals,
                    signatures,
                    text(n, "policyDigest"),
                    new EnvironmentSnapshot(map(field(snapshot, "variables")), map(field(snapshot, "tools"))),
                    new SnapshotDrift(
                            field(drift, "baseline").asBoolean(),
                            map(field(drift, "added")),
                            map(field(drift, "removed")),
                            changed));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("promotion record.time is not an ISO-8601 instant: " + e.getMessage());
        }
    }

    /**
     * The release a format 2 record names; its {@code releaseDigest} must be the digest of its manifest.
     */
    private static Release release(JsonNode n) {
        Release release = new Release(
                text(n, "application"),
                text(n, "version"),
                ReleaseJson.files(field(n, "files"), "promotion record.files"));
        ArtifactDigest recorded = ArtifactDigest.parse(text(n, "releaseDigest"), "promotion record.releaseDigest");
        if (!release.digest().matches(recorded)) {
            throw new IllegalArgumentException("promotion record.releaseDigest is " + recorded
                    + ", but its application," + " version and files hash to " + release.digest());
        }
        return release;
    }

    /** A format 1 record: a one-file release of the application named after its file. */
    private static Release singleArtifact(JsonNode n) {
        String artifact = text(n, "artifact");
        return Release.of(
                artifact,
                text(n, "version"),
                new ReleaseFile(
                        artifact,
                        ArtifactDigest.ofHex(DigestAlgorithm.SHA256, text(n, "sha256"), "promotion record sha256"),
                        Math.max(-1, field(n, "size").asLong())));
    }

    private static Object signature(SignatureReference s) {
        return Map.of(
                "trustedKey", s.trustedKey(),
                "format", s.format(),
                "algorithm", s.algorithm(),
                "keyFingerprint", s.keyFingerprint(),
                "signer", s.signer());
    }

    private static SignatureReference signature(JsonNode s) {
        return new SignatureReference(
                text(s, "trustedKey"),
                text(s, "format"),
                text(s, "algorithm"),
                text(s, "keyFingerprint"),
                text(s, "signer"));
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException("promotion record." + name + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("promotion record." + name + " is not a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asText()));
        return values;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> values = new TreeMap<>();
        object.fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
