package io.jenkins.plugins.promotiongates.runs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.IdStrategy;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who is who, as the security realm says: its id strategies, the authenticated person (never
 * anything from the request), group membership, and the run's starters and change authors.
 */
public final class RealmIdentity {

    private RealmIdentity() {}

    /** Ids compared the way the realm compares them. */
    public static IdNormalizer ids() {
        SecurityRealm realm = Jenkins.get().getSecurityRealm();
        IdStrategy users = realm.getUserIdStrategy();
        IdStrategy groups = realm.getGroupIdStrategy();
        return IdNormalizer.of(users::keyFor, groups::keyFor);
    }

    /** The person making the current request, with the groups the realm granted them. */
    public static Approver current(IdNormalizer ids) {
        Authentication authentication = Jenkins.getAuthentication2();
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(Objects::nonNull)
                .toList();
        return Approver.of(ids, authentication.getName(), groups);
    }

    /** As {@link #current}, or {@code null} when nobody is logged in (the request is anonymous). */
    public static @CheckForNull Approver currentOrNobody(IdNormalizer ids) {
        return ACL.isAnonymous2(Jenkins.getAuthentication2()) ? null : current(ids);
    }

    /** Group membership of a user named in a step's approvers; unknown users have none. */
    public static GroupDirectory groups(IdNormalizer ids) {
        return userId -> {
            Set<String> groups = new TreeSet<>();
            try {
                for (GrantedAuthority authority : Jenkins.get()
                        .getSecurityRealm()
                        .loadUserByUsername2(userId)
                        .getAuthorities()) {
                    if (authority.getAuthority() != null) {
                        groups.add(ids.group(authority.getAuthority()));
                    }
                }
            } catch (UsernameNotFoundException | UnsupportedOperationException e) {
                return Set.of();
            }
            return groups;
        };
    }

    /**
     * The users who started the run or a run upstream of it (none for timers and SCM triggers) and the
     * authors of this run's own changes.
     */
    public static RunParties parties(Run<?, ?> run, IdNormalizer ids) {
        return RunParties.withStarters(ids, RunStarters.of(run), ChangeAuthors.ofBuild(run));
    }

    /**
     * The users who started the run or a run upstream of it, and the authors of every change in
     * {@code window}: the builds of the run's job since the gate's environment last received from it.
     */
    public static RunParties parties(Run<?, ?> run, IdNormalizer ids, ChangeWindow window) {
        return RunParties.withStarters(ids, RunStarters.of(run), ChangeAuthors.of(run, window));
    }
}
