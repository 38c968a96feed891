package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The person acting on a gate, as the glue authenticated them (never from the request).
 *
 * @param userId normalized user id
 * @param groups normalized names of the person's groups
 */
public record Approver(String userId, Set<String> groups) {

    public Approver {
        groups = Set.copyOf(groups);
    }

    /** Normalizes a raw user id and group names with the realm's rules. */
    public static Approver of(IdNormalizer ids, String userId, Collection<String> groups) {
        Set<String> normalized = new TreeSet<>();
        groups.forEach(group -> normalized.add(ids.group(group)));
        return new Approver(ids.user(userId), normalized);
    }
}
