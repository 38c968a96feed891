package io.jenkins.plugins.promotiongates.approvals;

import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import hudson.scm.ChangeLogSet;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.IdStrategy;
import jenkins.model.Jenkins;
import jenkins.scm.RunWithSCM;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who is who, as the security realm says: its id strategies, the authenticated person (never
 * anything from the request), group membership, and the run's starter and change authors.
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
    static Approver current(IdNormalizer ids) {
        Authentication authentication = Jenkins.getAuthentication2();
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(Objects::nonNull)
                .toList();
        return Approver.of(ids, authentication.getName(), groups);
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

    /** The user who started the run (none for timers and SCM triggers) and the authors of its changes. */
    public static RunParties parties(Run<?, ?> run, IdNormalizer ids) {
        String starter = null;
        for (Cause cause : run.getCauses()) {
            if (cause instanceof Cause.UserIdCause userCause && userCause.getUserId() != null) {
                starter = userCause.getUserId();
                break;
            }
        }
        List<String> authors = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> withScm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> changes : withScm.getChangeSets()) {
                for (ChangeLogSet.Entry change : changes) {
                    User author = change.getAuthor();
                    authors.add(author.getId());
                }
            }
        }
        return RunParties.of(ids, starter, authors);
    }
}
