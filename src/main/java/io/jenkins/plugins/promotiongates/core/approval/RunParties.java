package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people separation of duties is about: who started the run and who wrote its changes.
 *
 * @param starter normalized id of the user who started the run, or empty when no user did (timer, SCM)
 * @param changeAuthors normalized ids of the authors of the run's changes
 */
public record RunParties(String starter, Set<String> changeAuthors) implements Serializable {

    public RunParties {
        starter = starter == null ? "" : starter;
        changeAuthors = Set.copyOf(new TreeSet<>(changeAuthors));
    }

    /** Normalizes the raw ids with the realm's rules; {@code starter} may be {@code null}. */
    public static RunParties of(IdNormalizer ids, String starter, Collection<String> changeAuthors) {
        Set<String> authors = new TreeSet<>();
        changeAuthors.forEach(author -> authors.add(ids.user(author)));
        return new RunParties(starter == null || starter.isBlank() ? "" : ids.user(starter), authors);
    }
}
