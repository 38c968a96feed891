package io.jenkins.plugins.promotiongates.gates;

import hudson.model.User;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The people who might be asked to decide at a gate, with their groups as the security realm says: the
 * users the rules name and, when a rule names groups, every user Jenkins knows. The engine
 * ({@code Deciders}) then picks who is asked. Call as SYSTEM, off the decision path.
 */
final class ApproverDirectory {

    private ApproverDirectory() {}

    static List<Approver> candidates(EffectivePolicy policy) {
        IdNormalizer ids = RealmIdentity.ids();
        GroupDirectory groups = RealmIdentity.groups(ids);
        Set<String> userIds = new LinkedHashSet<>();
        boolean anyGroup = false;
        for (ApprovalRule rule : policy.rules()) {
            userIds.addAll(rule.users());
            anyGroup |= !rule.groups().isEmpty();
        }
        if (anyGroup) {
            for (User user : User.getAll()) {
                userIds.add(ids.user(user.getId()));
            }
        }
        List<Approver> candidates = new ArrayList<>();
        for (String userId : userIds) {
            candidates.add(Approver.of(ids, userId, groups.groupsOf(userId)));
        }
        return candidates;
    }
}
