package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.QuorumMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which approvals count at a given instant, and whether they meet every rule: each person's latest
 * approval counts if it is younger than the approval validity and the person is not excluded by
 * separation of duties; people are then assigned to rules by {@link QuorumMatcher}.
 *
 * @param assignment who counts for which rule
 * @param counted the approvals that count, earliest first
 * @param expired approvals that no longer count because they are older than the validity
 */
public record Quorum(QuorumMatcher.Assignment assignment, List<Decision> counted, List<Decision> expired) {

    /** Evaluates {@code decisions} under {@code policy} at {@code now}. */
    public static Quorum evaluate(EffectivePolicy policy, RunParties parties, List<Decision> decisions, Instant now) {
        Map<String, Decision> latest = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            if (decision.kind() == DecisionKind.APPROVE) {
                latest.remove(decision.userId());
                latest.put(decision.userId(), decision);
            }
        }
        List<Decision> counted = new ArrayList<>();
        List<Decision> expired = new ArrayList<>();
        Map<String, List<Integer>> eligibility = new LinkedHashMap<>();
        for (Decision approval : latest.values()) {
            if (!now.isBefore(approval.time().plus(policy.environment().approvalValidity()))) {
                expired.add(approval);
            } else if (Eligibility.exclusion(policy, parties, approval.userId()).isEmpty()) {
                counted.add(approval);
                eligibility.put(approval.userId(), approval.rules());
            }
        }
        List<Integer> counts = policy.rules().stream().map(rule -> rule.count()).toList();
        return new Quorum(
                QuorumMatcher.assign(counts, eligibility, policy.environment().onePersonOneRule()),
                List.copyOf(counted),
                List.copyOf(expired));
    }

    /** Whether every rule has its count of valid approvals. */
    public boolean met() {
        return assignment.met();
    }
}
