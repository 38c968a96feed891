package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * One approval rule of an environment: {@code count} distinct people, each listed in {@code users}
 * or a member of one of {@code groups}, must approve. All rules of an environment must hold.
 *
 * @param name how the rule is shown to approvers and in messages; blank means "rule N"
 * @param users eligible user ids
 * @param groups eligible group names
 * @param count required number of distinct approvers, at least 1
 * @param commentRequired whether an approval counting for this rule must carry a comment
 */
public record ApprovalRule(String name, Set<String> users, Set<String> groups, int count, boolean commentRequired)
        implements Serializable {

    public ApprovalRule {
        name = name == null ? "" : name.trim();
        users = sorted(users);
        groups = sorted(groups);
    }

    /** A rule with no name and no comment requirement. */
    public static ApprovalRule of(Set<String> users, Set<String> groups, int count) {
        return new ApprovalRule("", users, groups, count, false);
    }

    /** This rule with another count. */
    public ApprovalRule withCount(int newCount) {
        return new ApprovalRule(name, users, groups, newCount, commentRequired);
    }

    /** This rule with another name. */
    public ApprovalRule withName(String newName) {
        return new ApprovalRule(newName, users, groups, count, commentRequired);
    }

    /**
     * Whether a person is eligible, comparing normalized ids: the rule's own ids must have been
     * normalized the same way (an {@link EffectivePolicy}'s rules are).
     */
    public boolean isEligible(String userId, Set<String> userGroups) {
        if (users.contains(userId)) {
            return true;
        }
        for (String group : userGroups) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> sorted(Set<String> values) {
        Set<String> copy = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    copy.add(value.trim());
                }
            }
        }
        return java.util.Collections.unmodifiableSet(copy);
    }
}
