package io.jenkins.plugins.promotiongates.runs;

import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import java.util.ArrayList;
import java.util.List;
import jenkins.scm.RunWithSCM;

/**
 * The changes an environment has not received: the changelogs of the builds the engine's
 * {@link ChangeWindow} names, walked back through the job's previous builds, newest build first.
 */
public final class WindowChanges {

    private WindowChanges() {}

    /** Every change of every build in the window. */
    public static List<ChangeRow> of(Run<?, ?> run, ChangeWindow window) {
        List<ChangeRow> changes = new ArrayList<>();
        for (Run<?, ?> build : window.<Run<?, ?>>builds(run, b -> b.getPreviousBuild(), Run::getNumber)) {
            changes.addAll(ofBuild(build));
        }
        return changes;
    }

    /** Every change of one build's changelogs. */
    static List<ChangeRow> ofBuild(Run<?, ?> build) {
        List<ChangeRow> changes = new ArrayList<>();
        if (build instanceof RunWithSCM<?, ?> withScm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : withScm.getChangeSets()) {
                for (ChangeLogSet.Entry change : set) {
                    changes.add(
                            new ChangeRow(build.getNumber(), change.getAuthor().getId(), change.getMsg()));
                }
            }
        }
        return changes;
    }
}
