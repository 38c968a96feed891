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

/** A period in which no promotion into an environment may happen, whatever the change windows say. Read and validated by the engine's {@link EnvironmentSettings}. */
public final class FreezeConfig implements Describable<FreezeConfig> {

    private final String from;
    private final String to;
    private String reason = "";

    @DataBoundConstructor
    public FreezeConfig(String from, String to) {
        this.from = from;
        this.to = to;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = reason;
    }

    EnvironmentSettings.FreezeSettings toSettings() {
        return new EnvironmentSettings.FreezeSettings(from, to, reason);
    }

    @Extension
    @Symbol("freeze")
    public static final class DescriptorImpl extends Descriptor<FreezeConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.FreezeConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckFrom(@QueryParameter String value, @QueryParameter String to) {
            return FormChecks.error(() -> EnvironmentFields.freeze(value, to == null || to.isBlank() ? value : to));
        }

        @POST
        public FormValidation doCheckTo(@QueryParameter String value, @QueryParameter String from) {
            return FormChecks.error(
                    () -> EnvironmentFields.freeze(from == null || from.isBlank() ? value : from, value));
        }
    }
}
