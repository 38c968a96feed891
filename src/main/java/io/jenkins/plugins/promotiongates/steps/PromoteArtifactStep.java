package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code promoteArtifact archived: 'dist/*', to: 'production', from: 'staging', version: '1.4.0'}: checks
 * every gate of the target environment for the release (the application's version made of the files
 * named by exactly one of {@code artifact:}, {@code files:} or {@code archived:}), and only when all hold
 * publishes the release to the target's repository from the controller (which reads and hashes every
 * byte itself), records the promotion in the audit and badges the run. {@code dryRun: true} evaluates and
 * writes nothing. With {@code archived:} the step needs no workspace, so it may run outside {@code node}.
 * The promotion itself is {@link PromoteArtifactExecution}.
 */
public final class PromoteArtifactStep extends Step {

    private final String to;
    private final String version;
    private String artifact = "";
    private String files = "";
    private String archived = "";
    private String application = "";
    private String from = "";
    private boolean dryRun;

    @DataBoundConstructor
    public PromoteArtifactStep(String to, String version) {
        this.to = trimmed(to);
        this.version = trimmed(version);
    }

    public String getTo() {
        return to;
    }

    public String getVersion() {
        return version;
    }

    public String getArtifact() {
        return artifact;
    }

    /** One workspace file, such as {@code dist/app.tar.gz}: a one-file release. */
    @DataBoundSetter
    public void setArtifact(String artifact) {
        this.artifact = trimmed(artifact);
    }

    public String getFiles() {
        return files;
    }

    /** Comma-separated Ant-style patterns in the workspace, such as {@code dist/*.tar.gz, dist/sbom.json}. */
    @DataBoundSetter
    public void setFiles(String files) {
        this.files = trimmed(files);
    }

    public String getArchived() {
        return archived;
    }

    /** Comma-separated Ant-style patterns among the run's archived artifacts, such as {@code dist/*}. */
    @DataBoundSetter
    public void setArchived(String archived) {
        this.archived = trimmed(archived);
    }

    public String getApplication() {
        return application;
    }

    /** The application; empty for the default ({@link JobApplication}). */
    @DataBoundSetter
    public void setApplication(String application) {
        this.application = trimmed(application);
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
        return new PromoteArtifactExecution(this, context);
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

        /**
         * The workspace is optional: the step asks for it only when {@code artifact:} or {@code files:} names
         * the files, and refuses then without one; {@code archived:} needs none.
         */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
