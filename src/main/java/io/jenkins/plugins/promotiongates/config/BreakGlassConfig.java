package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Whether named administrators may force a gate of an environment open with a justification. Read and validated by the engine's {@link EnvironmentSettings}. */
public final class BreakGlassConfig implements Describable<BreakGlassConfig> {

    private boolean allowed = false;
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
    }
}
