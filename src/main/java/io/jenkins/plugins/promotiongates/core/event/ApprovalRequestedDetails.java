package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.json.DetailsJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The details of {@code approval.requested}: an approval gate opened and waits.
 *
 * @param gate the gate id
 * @param artifactDigest the digest the gate is bound to in its text form, or empty
 * @param release what the bound digest stands for (application, version, files), or {@code null} (then not written)
 * @param message the step's message, possibly empty
 * @param deadline when the gate times out, as an ISO-8601 instant
 * @param rules the approval rules that must hold
 * @param starters every user id that started the run, nearest first
 */
public record ApprovalRequestedDetails(
        String gate,
        String artifactDigest,
        JsonNode release,
        String message,
        String deadline,
        List<Rule> rules,
        List<String> starters) {

    /**
     * One approval rule as the event shows it.
     *
     * @param name the rule's label
     * @param count how many distinct people must approve
     * @param users eligible user ids
     * @param groups eligible groups
     * @param commentRequired whether an approval needs a comment
     */
    public record Rule(String name, int count, List<String> users, List<String> groups, boolean commentRequired) {

        public Rule {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
        }

        Map<String, Object> toMap() {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", name);
            rule.put("count", count);
            rule.put("users", users);
            rule.put("groups", groups);
            rule.put("commentRequired", commentRequired);
            return rule;
        }

        static Rule from(JsonNode rule) {
            return new Rule(
                    DetailFields.text(rule, "name"),
                    rule.path("count").asInt(),
                    DetailFields.texts(rule, "users"),
                    DetailFields.texts(rule, "groups"),
                    rule.path("commentRequired").asBoolean());
        }
    }

    public ApprovalRequestedDetails {
        release = release == null ? null : release.deepCopy();
        rules = List.copyOf(rules);
        starters = List.copyOf(starters);
    }

    /** With {@code release} given as the plain tree its owner writes ({@code ApprovalSubject.toTree}). */
    public static JsonNode releaseTree(Map<String, Object> tree) {
        return tree == null ? null : DetailsJson.toNode(tree, "details.release");
    }

    /** The details as the event records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> details = GateDetails.base(gate, artifactDigest);
        if (release != null) {
            details.put("release", release);
        }
        details.put("message", message);
        details.put("deadline", deadline);
        List<Map<String, Object>> summaries = new ArrayList<>();
        rules.forEach(rule -> summaries.add(rule.toMap()));
        details.put("rules", summaries);
        details.put("starters", starters);
        return details;
    }

    /** Reads recorded details; a missing member reads as empty. */
    public static ApprovalRequestedDetails from(JsonNode details) {
        List<Rule> rules = new ArrayList<>();
        details.path("rules").forEach(rule -> rules.add(Rule.from(rule)));
        JsonNode release = details.path("release");
        return new ApprovalRequestedDetails(
                DetailFields.text(details, "gate"),
                DetailFields.text(details, "artifactDigest"),
                release.isMissingNode() ? null : release,
                DetailFields.text(details, "message"),
                DetailFields.text(details, "deadline"),
                rules,
                DetailFields.texts(details, "starters"));
    }
}
