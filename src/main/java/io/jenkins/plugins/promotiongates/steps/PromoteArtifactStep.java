package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code promoteArtifact artifact: 'dist/app.tar.gz', from: 'staging', to: 'production', version: '1.4.0'}:
 * checks every gate of the target environment, and only when all hold publishes the artifact to the
 * target's repository from the controller (which streams and hashes the workspace's bytes itself), records the promotion in the audit and badges the
 * run. {@code dryRun: true} evaluates and writes nothing.
 */
public final class PromoteArtifactStep extends Step {

    private final String artifact;
    private final String to;
    private final String version;
    private String from = "";
    private boolean dryRun;

    @DataBoundConstructor
    public PromoteArtifactStep(String artifact, String to, String version) {
        this.artifact = trimmed(artifact);
        this.to = trimmed(to);
        this.version = trimmed(version);
    }

    public String getArtifact() {
        return artifact;
    }

    public String getTo() {
        return to;
    }

    public String getVersion() {
        return version;
    }

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = trimmed(from);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @Extension
    @Symbol("promoteArtifact")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "promoteArtifact";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PromoteArtifactStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, EnvVars.class);
        }
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient PromoteArtifactStep step;

        Execution(PromoteArtifactStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return new PromotionRun(step.artifact, step.from, step.to, step.version, step.dryRun).run(getContext());
        }
    }
}
