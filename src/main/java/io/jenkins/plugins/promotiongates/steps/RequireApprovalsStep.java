package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.core.policy.NameList;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code requireApprovals}: pauses the run until the environment's approval rules are met, someone
 * eligible rejects, or the gate times out. Arguments may only tighten the administrator's policy.
 * The waiting itself is {@link RequireApprovalsExecution}.
 */
public final class RequireApprovalsStep extends Step {

    private final String environment;
    private String message = "";
    private String id = "";
    private Integer count;
    private String approvers = "";
    private String timeout = "";
    private String validity = "";
    private String artifact = "";
    private String files = "";
    private String archived = "";
    private String digest = "";
    private String version = "";
    private String application = "";

    @DataBoundConstructor
    public RequireApprovalsStep(String environment) {
        this.environment = environment;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getMessage() {
        return message;
    }

    @DataBoundSetter
    public void setMessage(String message) {
        this.message = message == null ? "" : message;
    }

    public String getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(String id) {
        this.id = id == null ? "" : id;
    }

    public @CheckForNull Integer getCount() {
        return count;
    }

    @DataBoundSetter
    public void setCount(@CheckForNull Integer count) {
        this.count = count;
    }

    public String getApprovers() {
        return approvers;
    }

    @DataBoundSetter
    public void setApprovers(String approvers) {
        this.approvers = approvers == null ? "" : approvers;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = timeout == null ? "" : timeout;
    }

    public String getValidity() {
        return validity;
    }

    @DataBoundSetter
    public void setValidity(String validity) {
        this.validity = validity == null ? "" : validity;
    }

    public String getArtifact() {
        return artifact;
    }

    @DataBoundSetter
    public void setArtifact(String artifact) {
        this.artifact = artifact == null ? "" : artifact;
    }

    public String getFiles() {
        return files;
    }

    /** Comma-separated Ant-style patterns in the workspace: the release's files (with {@code version}). */
    @DataBoundSetter
    public void setFiles(String files) {
        this.files = files == null ? "" : files;
    }

    public String getArchived() {
        return archived;
    }

    /** Comma-separated Ant-style patterns among the run's archived artifacts (with {@code version}). */
    @DataBoundSetter
    public void setArchived(String archived) {
        this.archived = archived == null ? "" : archived;
    }

    public String getDigest() {
        return digest;
    }

    /** A release digest, {@code sha256:<hex>}, such as the {@code digest} a dry run of promoteArtifact returned. */
    @DataBoundSetter
    public void setDigest(String digest) {
        this.digest = digest == null ? "" : digest;
    }

    public String getVersion() {
        return version;
    }

    /** The release's version, with {@code archived}, {@code files} or {@code artifact}. */
    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version == null ? "" : version;
    }

    public String getApplication() {
        return application;
    }

    /** The application; empty for the default ({@code JobApplication}). */
    @DataBoundSetter
    public void setApplication(String application) {
        this.application = application == null ? "" : application;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        GateRequest request = new GateRequest(environment, message, id, count, approvers, timeout, validity, artifact)
                .releasing(files, archived, digest, version, application);
        return new RequireApprovalsExecution(context, request);
    }

    @Extension
    @Symbol("requireApprovals")
    public static final class DescriptorImpl extends StepDescriptor implements CustomDescribableModel {

        /** Parameters that take names as a Groovy list or as one comma-separated string. */
        public static final Set<String> NAME_LISTS = Set.of("approvers");

        /** {@code approvers: ['a', 'b']} binds as {@code approvers: 'a, b'}: Pipeline authors write either. */
        @Override
        public @NonNull Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            return NameList.acceptingLists(arguments, NAME_LISTS);
        }

        @Override
        public String getFunctionName() {
            return "requireApprovals";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RequireApprovalsStep_DisplayName();
        }

        /**
         * The workspace is optional: the step asks for it only when {@code artifact} or {@code files} is given,
         * so that with {@code archived}, {@code digest} or neither it waits outside {@code node}, holding no
         * executor.
         */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
