package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy of a rollback's approval gate when the environment sets {@code rollbackApprovals} to more
 * than 0: a single rule named {@code rollback} that needs that many distinct people from everyone
 * eligible under any of the environment's rules (a comment is required if any rule requires one).
 * Separation of duties, validity and timeout stay as they are. The glue opens a rollback's
 * {@code requireApprovals} gate with this policy; {@link PolicyBinding} accepts gates with it only for
 * rollbacks.
 */
public final class RollbackPolicy {

    static final String RULE_NAME = "rollback";

    private RollbackPolicy() {}

    /**
     * @param policy the environment's effective policy
     * @return the rollback policy, or empty when the environment has no {@code rollbackApprovals} above 0
     */
    public static Optional<EffectivePolicy> of(EffectivePolicy policy) {
        Environment environment = policy.environment();
        Integer count = environment.rollbackApprovals();
        if (count == null || count < 1 || environment.approvalRules().isEmpty()) {
            return Optional.empty();
        }
        Set<String> users = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        boolean comment = false;
        for (ApprovalRule rule : environment.approvalRules()) {
            users.addAll(rule.users());
            groups.addAll(rule.groups());
            comment |= rule.commentRequired();
        }
        ApprovalRule rollback = new ApprovalRule(RULE_NAME, users, groups, count, comment);
        return Optional.of(new EffectivePolicy(
                environment.toBuilder().approvalRules(List.of(rollback)).build(), policy.approvers()));
    }
}
