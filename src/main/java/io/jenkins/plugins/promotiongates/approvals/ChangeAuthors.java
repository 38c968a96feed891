package io.jenkins.plugins.promotiongates.approvals;

import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import java.util.ArrayList;
import java.util.List;
import jenkins.scm.RunWithSCM;

/**
 * The authors of the changes an environment has not received: the changelogs of the builds the
 * engine's {@link ChangeWindow} names, walked back through the job's previous builds. Authors are the
 * ids Jenkins mapped each commit's author to ({@code ChangeLogSet.Entry.getAuthor()}); e-mail addresses
 * are not collected, because the Mailer plugin that stores them is not a dependency. VCS authorship is
 * whatever the commit says, so this is advisory (see docs/approvals.md).
 */
final class ChangeAuthors {

    private ChangeAuthors() {}

    /** Raw author ids of every build in the window, newest build first. */
    static List<String> of(Run<?, ?> run, ChangeWindow window) {
        List<String> authors = new ArrayList<>();
        for (Run<?, ?> build : window.<Run<?, ?>>builds(run, b -> b.getPreviousBuild(), Run::getNumber)) {
            authors.addAll(ofBuild(build));
        }
        return authors;
    }

    /** Raw author ids of one build's changelogs. */
    static List<String> ofBuild(Run<?, ?> build) {
        List<String> authors = new ArrayList<>();
        if (build instanceof RunWithSCM<?, ?> withScm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> changes : withScm.getChangeSets()) {
                for (ChangeLogSet.Entry change : changes) {
                    authors.add(change.getAuthor().getId());
                }
            }
        }
        return authors;
    }
}
