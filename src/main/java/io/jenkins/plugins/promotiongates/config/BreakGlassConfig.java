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

/**
 * Break-glass for an environment, one setting: present, it lets the named administrators force a gate
 * open with a justification; absent, nobody can. Read and validated by the engine's
 * {@link EnvironmentSettings}. {@code allowed} is kept for configurations written before it was one
 * setting: {@code allowed: false} still turns it off.
 */
public final class BreakGlassConfig implements Describable<BreakGlassConfig> {

    private boolean allowed = true;
    private String users = "";

    @DataBoundConstructor
    public BreakGlassConfig() {}

    public boolean isAllowed() {
        return allowed;
    }

    @DataBoundSetter
    public void setAllowed(boolean allowed) {
        this.allowed = allowed;
    }

    public String getUsers() {
        return users;
    }

    @DataBoundSetter
    public void setUsers(String users) {
        this.users = users;
    }

    EnvironmentSettings.BreakGlassSettings toSettings() {
        return new EnvironmentSettings.BreakGlassSettings(allowed, users);
    }

    @Extension
    @Symbol("breakGlass")
    public static final class DescriptorImpl extends Descriptor<BreakGlassConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BreakGlassConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckUsers(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.breakGlassUsers(value));
        }
    }
}
