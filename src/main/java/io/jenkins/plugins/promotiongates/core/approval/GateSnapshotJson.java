package io.jenkins.plugins.promotiongates.core.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.CanonicalPolicyJson;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of a {@link GateSnapshot} (canonical, like the policy it embeds), for glue that stores
 * gate state as text. Reading refuses a snapshot whose embedded policy no longer matches its digest.
 */
public final class GateSnapshotJson {

    private static final int MAX_CHARS = 4 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GateSnapshotJson() {}

    public static String write(GateSnapshot s) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("gateId", s.gateId());
        tree.put("policy", PolicyJson.toTree(s.policy()));
        tree.put("policyDigest", s.policyDigest());
        tree.put("artifactDigest", ArtifactDigest.text(s.artifactDigest()));
        tree.put("starter", s.parties().starter()); // the only starter field before 'starters'; still written
        tree.put("starters", List.copyOf(s.parties().starters()));
        tree.put("changeAuthors", List.copyOf(new TreeSet<>(s.parties().changeAuthors())));
        tree.put("openedAt", s.openedAt().toString());
        tree.put("deadline", s.deadline().toString());
        tree.put("state", s.state().name());
        List<Object> decisions = new ArrayList<>();
        for (Decision d : s.decisions()) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("userId", d.userId());
            decision.put("kind", d.kind().name());
            decision.put("time", d.time().toString());
            decision.put("comment", d.comment());
            decision.put("artifactDigest", ArtifactDigest.text(d.artifactDigest()));
            decision.put("policyDigest", d.policyDigest());
            decision.put("rules", d.rules());
            decisions.add(decision);
        }
        tree.put("decisions", decisions);
        tree.put("closedAt", s.closedAt() == null ? null : s.closedAt().toString());
        tree.put("closedBy", s.closedBy());
        tree.put("closeReason", s.closeReason());
        return CanonicalPolicyJson.write(tree);
    }

    /**
     * @throws InvalidPolicyException naming what is missing, malformed or inconsistent
     */
    public static GateSnapshot read(String json) {
        if (json == null || json.length() > MAX_CHARS) {
            throw new InvalidPolicyException("gate", "is missing or longer than " + MAX_CHARS + " characters");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            EffectivePolicy policy = PolicyJson.fromTree(node(root, "policy"));
            String policyDigest = node(root, "policyDigest").asText();
            if (!policy.digest().equals(policyDigest)) {
                throw new InvalidPolicyException(
                        "gate.policyDigest",
                        "does not match the embedded policy (its digest is " + policy.digest()
                                + "); the stored gate was altered");
            }
            List<Decision> decisions = new ArrayList<>();
            for (JsonNode d : node(root, "decisions")) {
                List<Integer> rules = new ArrayList<>();
                node(d, "rules").forEach(rule -> rules.add(rule.asInt()));
                decisions.add(new Decision(
                        node(d, "userId").asText(),
                        DecisionKind.valueOf(node(d, "kind").asText()),
                        Instant.parse(node(d, "time").asText()),
                        node(d, "comment").asText(),
                        ArtifactDigest.parseIfPresent(node(d, "artifactDigest").asText(), "decisions[].artifactDigest"),
                        node(d, "policyDigest").asText(),
                        rules));
            }
            Set<String> authors = new TreeSet<>();
            node(root, "changeAuthors").forEach(author -> authors.add(author.asText()));
            JsonNode closedAt = node(root, "closedAt");
            return new GateSnapshot(
                    node(root, "gateId").asText(),
                    policy,
                    policyDigest,
                    ArtifactDigest.parseIfPresent(node(root, "artifactDigest").asText(), "artifactDigest"),
                    new RunParties(starters(root), authors),
                    Instant.parse(node(root, "openedAt").asText()),
                    Instant.parse(node(root, "deadline").asText()),
                    GateState.valueOf(node(root, "state").asText()),
                    decisions,
                    closedAt.isNull() ? null : Instant.parse(closedAt.asText()),
                    node(root, "closedBy").asText(),
                    node(root, "closeReason").asText());
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("gate", "is not JSON: " + e.getOriginalMessage());
        } catch (DateTimeException e) {
            throw new InvalidPolicyException("gate", "holds a malformed time: " + e.getMessage());
        } catch (InvalidPolicyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException("gate", "holds an unknown value: " + e.getMessage());
        }
    }

    /** Every starter, in order; a snapshot written before upstream starters counted has only {@code starter}. */
    private static Set<String> starters(JsonNode root) {
        Set<String> starters = new LinkedHashSet<>();
        JsonNode list = root.get("starters");
        if (list == null) {
            starters.add(node(root, "starter").asText());
        } else if (!list.isArray()) {
            throw new InvalidPolicyException("gate.starters", "is not a list of user ids");
        } else {
            list.forEach(starter -> starters.add(starter.asText()));
        }
        return starters;
    }

    private static JsonNode node(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null) {
            throw new InvalidPolicyException("gate." + name, "is missing");
        }
        return value;
    }
}
