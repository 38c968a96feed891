package io.jenkins.plugins.promotiongates.runs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import jenkins.scm.api.SCMHead;

/**
 * The branch a run builds, as Jenkins knows it from the job: the SCM head of a multibranch branch
 * job (or of any job an {@code SCMHead.HeadByItem} extension recognizes). Never from the build's
 * environment: a build script sets {@code BRANCH_NAME} to whatever it likes with {@code withEnv}.
 */
public final class JobBranch {

    private JobBranch() {}

    /** The branch name, or {@code null} for a job that is not a branch job. */
    public static @CheckForNull String of(Run<?, ?> run) {
        SCMHead head = SCMHead.HeadByItem.findHead(run.getParent());
        return head == null ? null : head.getName();
    }
}
