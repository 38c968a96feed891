package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The policy one gate enforces: the administrator's environment, with user ids and group names
 * normalized, every rule named, and the step's tightening applied. Made by {@link PolicyTightener}
 * or read back by {@link PolicyJson}; its {@link #canonicalJson()} and {@link #digest()} are what
 * approvals and audit events are bound to.
 *
 * @param environment the tightened environment
 * @param approvers when not empty, only these (normalized) user ids may decide, within each rule's eligibility
 */
public record EffectivePolicy(Environment environment, Set<String> approvers) implements Serializable {

    public EffectivePolicy {
        approvers = ApprovalRule.sorted(approvers);
    }

    /** The environment's name. */
    public String name() {
        return environment.name();
    }

    /** The rules every gate of this policy needs, all named. */
    public List<ApprovalRule> rules() {
        return environment.approvalRules();
    }

    /**
     * Indices of the rules for which a person is eligible: listed in the rule or a member of one of
     * its groups, and, if the step narrowed the approvers, named there. Ids must be normalized.
     */
    public List<Integer> eligibleRules(String normalizedUserId, Set<String> normalizedGroups) {
        List<Integer> eligible = new ArrayList<>();
        if (!approvers.isEmpty() && !approvers.contains(normalizedUserId)) {
            return eligible;
        }
        for (int i = 0; i < rules().size(); i++) {
            if (rules().get(i).isEligible(normalizedUserId, normalizedGroups)) {
                eligible.add(i);
            }
        }
        return eligible;
    }

    /** Canonical JSON: UTF-8, keys sorted, no whitespace, durations in integer seconds; equal to {@code jq -cS}. */
    public String canonicalJson() {
        return CanonicalPolicyJson.write(PolicyJson.toTree(this));
    }

    /** Lower-case hex SHA-256 of the canonical JSON's UTF-8 bytes: the policy digest in every audit event. */
    public String digest() {
        return CanonicalPolicyJson.sha256Hex(canonicalJson());
    }
}
