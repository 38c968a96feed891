package io.jenkins.plugins.promotiongates.runs;

import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import java.util.List;

/**
 * The authors of the changes an environment has not received: the authors of the {@link WindowChanges}
 * the engine's {@link ChangeWindow} names. Authors are the ids Jenkins mapped each commit's author to
 * ({@code ChangeLogSet.Entry.getAuthor()}); e-mail addresses are not collected, because the Mailer plugin
 * that stores them is not a dependency. VCS authorship is whatever the commit says, so this is advisory
 * (see docs/approvals.md).
 */
final class ChangeAuthors {

    private ChangeAuthors() {}

    /** Raw author ids of every build in the window, newest build first. */
    static List<String> of(Run<?, ?> run, ChangeWindow window) {
        return WindowChanges.of(run, window).stream().map(ChangeRow::getAuthor).toList();
    }

    /** Raw author ids of one build's changelogs. */
    static List<String> ofBuild(Run<?, ?> build) {
        return WindowChanges.ofBuild(build).stream().map(ChangeRow::getAuthor).toList();
    }
}
