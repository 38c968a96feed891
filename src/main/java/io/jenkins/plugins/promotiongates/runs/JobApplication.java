package io.jenkins.plugins.promotiongates.runs;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.release.ApplicationName;
import jenkins.scm.api.SCMHead;

/**
 * The application a run promotes: the one its step names, or else the job's full name; for a branch of
 * a multibranch project, the project's full name, so that every branch promotes the same application.
 */
public final class JobApplication {

    private JobApplication() {}

    /**
     * @param named the step's {@code application} argument; empty for the default
     * @throws IllegalArgumentException naming the application, why it is refused and what to write
     */
    public static String of(Run<?, ?> run, String named) {
        if (named != null && !named.isBlank()) {
            return ApplicationName.of(named.trim());
        }
        Job<?, ?> job = run.getParent();
        boolean branch = SCMHead.HeadByItem.findHead(job) != null;
        return ApplicationName.ofJob(branch ? job.getParent().getFullName() : job.getFullName());
    }
}
