package io.jenkins.plugins.promotiongates.approvals;

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

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RequireApprovalsExecution(
                context, new GateRequest(environment, message, id, count, approvers, timeout, validity, artifact));
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

        /** The workspace is optional: the step asks for it only when {@code artifact} is given. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
