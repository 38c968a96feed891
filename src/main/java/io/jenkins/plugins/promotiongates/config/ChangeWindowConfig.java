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
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A weekly window in which promotions into an environment may happen, in the environment's time zone. Read and validated by the engine's {@link EnvironmentSettings}. */
public final class ChangeWindowConfig implements Describable<ChangeWindowConfig> {

    private final String days;
    private final String start;
    private final String end;

    @DataBoundConstructor
    public ChangeWindowConfig(String days, String start, String end) {
        this.days = days;
        this.start = start;
        this.end = end;
    }

    public String getDays() {
        return days;
    }

    public String getStart() {
        return start;
    }

    public String getEnd() {
        return end;
    }

    EnvironmentSettings.WindowSettings toSettings() {
        return new EnvironmentSettings.WindowSettings(days, start, end);
    }

    @Extension
    @Symbol("changeWindow")
    public static final class DescriptorImpl extends Descriptor<ChangeWindowConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ChangeWindowConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckDays(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.windowDays(value));
        }

        @POST
        public FormValidation doCheckStart(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.windowTime("start", value));
        }

        @POST
        public FormValidation doCheckEnd(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.windowTime("end", value));
        }
    }
}
