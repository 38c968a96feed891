package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people separation of duties is about: who started the run and who wrote its changes.
 *
 * <p>A run has as many starters as there are people behind it: the user who started it, and every
 * user who started a run that triggered it (an upstream run's {@code build job:}), however far up.
 * All of them are starters; none may decide on the run's gates when the policy forbids starters.
 *
 * <p>Stored as {@link GateSnapshotJson} only; snapshots written before there were several starters
 * hold a single {@code starter}, which still loads.
 *
 * @param starters normalized ids of the users who started the run or a run upstream of it, this run's
 *     own starter first; empty when no user did (timer, SCM)
 * @param changeAuthors normalized ids of the authors of the changes the gate's environment has not received
 */
public record RunParties(Set<String> starters, Set<String> changeAuthors) implements Serializable {

    public RunParties {
        Set<String> ordered = new LinkedHashSet<>();
        if (starters != null) {
            starters.stream().filter(id -> id != null && !id.isBlank()).forEach(ordered::add);
        }
        starters = Collections.unmodifiableSet(ordered);
        changeAuthors = Set.copyOf(new TreeSet<>(changeAuthors == null ? Set.of() : changeAuthors));
    }

    /**
     * Normalizes the raw ids with the realm's rules.
     *
     * @param starter the run's one starter, or {@code null} when no user started it
     */
    public static RunParties of(IdNormalizer ids, String starter, Collection<String> changeAuthors) {
        return withStarters(ids, starter == null ? List.of() : List.of(starter), changeAuthors);
    }

    /**
     * Normalizes the raw ids with the realm's rules.
     *
     * @param starters every user who started the run or a run upstream of it, this run's own starter
     *     first; blank ids are ignored
     */
    public static RunParties withStarters(
            IdNormalizer ids, Collection<String> starters, Collection<String> changeAuthors) {
        Set<String> normalized = new LinkedHashSet<>();
        starters.stream()
                .filter(id -> id != null && !id.isBlank())
                .map(ids::user)
                .forEach(normalized::add);
        Set<String> authors = new TreeSet<>();
        changeAuthors.forEach(author -> authors.add(ids.user(author)));
        return new RunParties(normalized, authors);
    }

    /** The first starter (this run's own, when a user started it), or empty when no user did. */
    public String starter() {
        return starters.isEmpty() ? "" : starters.iterator().next();
    }

    /** Whether {@code userId} (normalized) started the run or a run upstream of it. */
    public boolean isStarter(String userId) {
        return starters.contains(userId);
    }
}
