package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

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
    }
}
