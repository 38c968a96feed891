package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceFields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One metric of a performance budget with its smallest and largest allowed value (either may be blank). */
public final class MetricBoundConfig implements Describable<MetricBoundConfig> {

    private final String name;
    private String min = "";
    private String max = "";

    @DataBoundConstructor
    public MetricBoundConfig(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getMin() {
        return min;
    }

    @DataBoundSetter
    public void setMin(String min) {
        this.min = min;
    }

    public String getMax() {
        return max;
    }

    @DataBoundSetter
    public void setMax(String max) {
        this.max = max;
    }

    Map<String, Object> toSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", name);
        settings.put("min", min);
        settings.put("max", max);
        return settings;
    }

    @Extension
    @Symbol("bound")
    public static final class DescriptorImpl extends Descriptor<MetricBoundConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MetricBoundConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return FormChecks.error(
                    () -> EvidenceFields.boundProblem(value, "", "1").orElse(null));
        }

        @POST
        public FormValidation doCheckMin(@QueryParameter String value, @QueryParameter String max) {
            return FormChecks.error(
                    () -> EvidenceFields.boundProblem("m", value, max).orElse(null));
        }

        @POST
        public FormValidation doCheckMax(@QueryParameter String value, @QueryParameter String min) {
            return FormChecks.error(
                    () -> EvidenceFields.boundProblem("m", min, value).orElse(null));
        }
    }
}
