package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentFields;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One approval rule of an environment: how many distinct eligible people must approve. Read and validated by the engine's {@link EnvironmentSettings}. */
public final class ApprovalRuleConfig implements Describable<ApprovalRuleConfig> {

    private String name = "";
    private String users = "";
    private String groups = "";
    private int count = 1;
    private boolean commentRequired = false;

    @DataBoundConstructor
    public ApprovalRuleConfig() {}

    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = name;
    }

    public String getUsers() {
        return users;
    }

    @DataBoundSetter
    public void setUsers(String users) {
        this.users = users;
    }

    public String getGroups() {
        return groups;
    }

    @DataBoundSetter
    public void setGroups(String groups) {
        this.groups = groups;
    }

    public int getCount() {
        return count;
    }

    @DataBoundSetter
    public void setCount(int count) {
        this.count = count;
    }

    public boolean isCommentRequired() {
        return commentRequired;
    }

    @DataBoundSetter
    public void setCommentRequired(boolean commentRequired) {
        this.commentRequired = commentRequired;
    }

    EnvironmentSettings.RuleSettings toSettings() {
        return new EnvironmentSettings.RuleSettings(name, users, groups, count, commentRequired);
    }

    @Extension
    @Symbol("approvalRule")
    public static final class DescriptorImpl extends Descriptor<ApprovalRuleConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApprovalRuleConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckUsers(@QueryParameter String value, @QueryParameter String groups) {
            return FormChecks.error(() -> EnvironmentFields.ruleEligibility(value, groups));
        }

        @POST
        public FormValidation doCheckGroups(@QueryParameter String value, @QueryParameter String users) {
            return FormChecks.error(() -> EnvironmentFields.ruleEligibility(users, value));
        }

        @POST
        public FormValidation doCheckCount(
                @QueryParameter int value, @QueryParameter String users, @QueryParameter String groups) {
            return FormChecks.error(() -> EnvironmentFields.ruleCount(users, groups, value));
        }
    }
}
