package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.util.Set;

/**
 * Whether a named person may force a gate open with a justification, bypassing approvals.
 *
 * @param allowed whether break-glass is possible at all in this environment
 * @param users user ids who may break the glass (the glue also requires Overall/Administer)
 */
public record BreakGlass(boolean allowed, Set<String> users) implements Serializable {

    public static final BreakGlass FORBIDDEN = new BreakGlass(false, Set.of());

    public BreakGlass {
        users = ApprovalRule.sorted(users);
    }

    /** Whether {@code normalizedUserId} may break the glass; the users must be normalized alike. */
    public boolean permits(String normalizedUserId) {
        return allowed && users.contains(normalizedUserId);
    }
}
