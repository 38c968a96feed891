package io.jenkins.plugins.promotiongates.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an {@link EffectivePolicy}: {@link #toTree} gives the tree that
 * {@link CanonicalPolicyJson} writes (and the digest covers); {@link #read} turns that text back into
 * the same policy, so a gate restored after a restart enforces exactly what it was created with.
 */
public final class PolicyJson {

    /** Bumped when the form changes, so old digests stay explainable. */
    public static final int FORMAT = 1;

    private static final int MAX_CHARS = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyJson() {}

    /** The policy as a tree of maps, lists, strings, integers and booleans. */
    public static Map<String, Object> toTree(EffectivePolicy policy) {
        Environment e = policy.environment();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", FORMAT);
        tree.put("environment", e.name());
        tree.put("promotedFrom", List.copyOf(new java.util.TreeSet<>(e.promotedFrom())));
        List<Object> rules = new ArrayList<>();
        for (ApprovalRule rule : e.approvalRules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", rule.name());
            r.put("users", List.copyOf(rule.users()));
            r.put("groups", List.copyOf(rule.groups()));
            r.put("count", rule.count());
            r.put("commentRequired", rule.commentRequired());
            rules.add(r);
        }
        tree.put("approvalRules", rules);
        tree.put("approvers", List.copyOf(policy.approvers()));
        tree.put("starterMayNotApprove", e.starterMayNotApprove());
        tree.put("changeAuthorsMayNotApprove", e.changeAuthorsMayNotApprove());
        tree.put("onePersonOneRule", e.onePersonOneRule());
        tree.put("approvalValiditySeconds", e.approvalValidity().toSeconds());
        tree.put("gateTimeoutSeconds", e.gateTimeout().toSeconds());
        tree.put("soakTimeSeconds", e.soakTime().toSeconds());
        tree.put("signature", signature(e.signature()));
        tree.put("allowedBranches", e.allowedBranches());
        tree.put("timeZone", e.timeZone().getId());
        List<Object> windows = new ArrayList<>();
        for (WeeklyWindow window : e.changeWindows()) {
            windows.add(Map.of(
                    "days", window.days().stream().map(DayOfWeek::name).toList(),
                    "start", window.start().toString(),
                    "end", window.end().toString()));
        }
        tree.put("changeWindows", windows);
        List<Object> freezes = new ArrayList<>();
        for (Freeze freeze : e.freezes()) {
            freezes.add(
                    Map.of("from", freeze.from().toString(), "to", freeze.to().toString(), "reason", freeze.reason()));
        }
        tree.put("freezes", freezes);
        tree.put("repository", e.repository());
        tree.put(
                "breakGlass",
                Map.of(
                        "allowed",
                        e.breakGlass().allowed(),
                        "users",
                        List.copyOf(e.breakGlass().users())));
        if (e.rollbackApprovals() != null) {
            // Written only when set, so that the digests of policies without it stay as they were.
            tree.put("rollbackApprovals", e.rollbackApprovals());
        }
        if (!e.evidence().isEmpty()) {
            // Written only when required, for the same reason.
            tree.put(
                    "evidence",
                    e.evidence().stream().map(EvidenceRequirement::tree).toList());
        }
        return tree;
    }

    /**
     * Reads a policy written by {@link EffectivePolicy#canonicalJson()}.
     *
     * @throws InvalidPolicyException naming the field that is missing or malformed
     */
    public static EffectivePolicy read(String json) {
        if (json == null || json.length() > MAX_CHARS) {
            throw new InvalidPolicyException("policy", "is missing or longer than " + MAX_CHARS + " characters");
        }
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("policy", "is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a policy from a parsed tree, such as the {@code policy} member of a stored gate.
     *
     * @throws InvalidPolicyException naming the field that is missing or malformed
     */
    public static EffectivePolicy fromTree(JsonNode root) {
        try {
            if (root == null
                    || !root.isObject()
                    || !field(root, "format").isInt()
                    || root.get("format").asInt() != FORMAT) {
                throw new InvalidPolicyException(
                        "policy.format", "is not " + FORMAT + "; this policy was written by another version");
            }
            return new EffectivePolicy(environment(root), strings(root, "approvers"));
        } catch (InvalidPolicyException e) {
            throw e;
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new InvalidPolicyException("policy", "holds a malformed value: " + e.getMessage());
        }
    }

    private static Environment environment(JsonNode root) {
        List<ApprovalRule> rules = new ArrayList<>();
        for (JsonNode r : array(root, "approvalRules")) {
            rules.add(new ApprovalRule(
                    text(r, "name"),
                    strings(r, "users"),
                    strings(r, "groups"),
                    field(r, "count").asInt(),
                    field(r, "commentRequired").asBoolean()));
        }
        List<WeeklyWindow> windows = new ArrayList<>();
        for (JsonNode w : array(root, "changeWindows")) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            strings(w, "days").forEach(d -> days.add(DayOfWeek.valueOf(d)));
            windows.add(new WeeklyWindow(days, LocalTime.parse(text(w, "start")), LocalTime.parse(text(w, "end"))));
        }
        List<Freeze> freezes = new ArrayList<>();
        for (JsonNode f : array(root, "freezes")) {
            freezes.add(new Freeze(Instant.parse(text(f, "from")), Instant.parse(text(f, "to")), text(f, "reason")));
        }
        JsonNode glass = field(root, "breakGlass");
        return Environment.builder(text(root, "environment"))
                .promotedFrom(List.copyOf(strings(root, "promotedFrom")))
                .approvalRules(rules)
                .starterMayNotApprove(field(root, "starterMayNotApprove").asBoolean())
                .changeAuthorsMayNotApprove(
                        field(root, "changeAuthorsMayNotApprove").asBoolean())
                .onePersonOneRule(field(root, "onePersonOneRule").asBoolean())
                .approvalValidity(Duration.ofSeconds(
                        field(root, "approvalValiditySeconds").asLong()))
                .gateTimeout(
                        Duration.ofSeconds(field(root, "gateTimeoutSeconds").asLong()))
                .soakTime(Duration.ofSeconds(field(root, "soakTimeSeconds").asLong()))
                .signature(signature(field(root, "signature")))
                .allowedBranches(List.copyOf(strings(root, "allowedBranches")))
                .timeZone(ZoneId.of(text(root, "timeZone")))
                .changeWindows(windows)
                .freezes(freezes)
                .repository(text(root, "repository"))
                .breakGlass(new BreakGlass(field(glass, "allowed").asBoolean(), strings(glass, "users")))
                .rollbackApprovals(rollbackApprovals(root))
                .evidence(evidence(root))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<EvidenceRequirement> evidence(JsonNode root) {
        JsonNode value = root.get("evidence");
        if (value == null) {
            return List.of();
        }
        List<EvidenceRequirement> evidence = new ArrayList<>();
        for (JsonNode item : array(root, "evidence")) {
            if (!item.isObject()) {
                throw new InvalidPolicyException("policy.evidence", "holds " + item + ", which is not an object");
            }
            evidence.add(EvidenceRequirement.fromTree(MAPPER.convertValue(item, Map.class), "policy.evidence"));
        }
        return evidence;
    }

    private static Integer rollbackApprovals(JsonNode root) {
        JsonNode value = root.get("rollbackApprovals");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw new InvalidPolicyException("policy.rollbackApprovals", "is not an integer");
        }
        return value.asInt();
    }

    private static Object signature(SignatureRequirement signature) {
        if (signature == null) {
            return null;
        }
        return Map.of(
                "trustedKeys", List.copyOf(signature.trustedKeys()),
                "minimumRsaBits", signature.minimumRsaBits(),
                "minimumHash", signature.minimumHash().label());
    }

    private static SignatureRequirement signature(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return new SignatureRequirement(
                strings(node, "trustedKeys"),
                field(node, "minimumRsaBits").asInt(),
                SignatureHash.parse("policy.signature.minimumHash", text(node, "minimumHash")));
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new InvalidPolicyException("policy." + name, "is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new InvalidPolicyException("policy." + name, "is not a string");
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new InvalidPolicyException("policy." + name, "is not a list");
        }
        return value;
    }

    private static Set<String> strings(JsonNode node, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : array(node, name)) {
            values.add(element.asText());
        }
        return values;
    }
}
