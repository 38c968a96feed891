package io.jenkins.plugins.promotiongates.core.policy;

import java.util.Set;

/**
 * Group membership of users named in a step's {@code approvers} argument, so the engine can tell
 * whether each is eligible under the policy. The glue answers from the security realm.
 */
@FunctionalInterface
public interface GroupDirectory {

    /** No user belongs to any group: only users listed by id are eligible. */
    GroupDirectory NONE = userId -> Set.of();

    /**
     * @param normalizedUserId a user id already normalized by the {@link IdNormalizer}
     * @return the user's groups, normalized the same way; empty when unknown
     */
    Set<String> groupsOf(String normalizedUserId);
}
