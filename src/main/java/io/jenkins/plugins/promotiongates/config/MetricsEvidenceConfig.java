package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A performance budget: a JSON file of named numbers in the release, each within its bounds. */
public final class MetricsEvidenceConfig extends EvidenceConfig {

    private final String files;
    private List<MetricBoundConfig> bounds = new ArrayList<>();

    @DataBoundConstructor
    public MetricsEvidenceConfig(String files) {
        this.files = files;
    }

    public String getFiles() {
        return files;
    }

    public List<MetricBoundConfig> getBounds() {
        return bounds == null ? List.of() : List.copyOf(bounds);
    }

    @DataBoundSetter
    public void setBounds(List<MetricBoundConfig> bounds) {
        this.bounds = bounds == null ? new ArrayList<>() : new ArrayList<>(bounds);
    }

    @Override
    protected EvidenceKind kind() {
        return EvidenceKind.METRICS;
    }

    @Override
    protected void settings(Map<String, Object> settings) {
        settings.put("files", files);
        settings.put(
                "bounds",
                getBounds().stream().map(MetricBoundConfig::toSettings).toList());
    }

    @Extension
    @Symbol("metrics")
    public static final class DescriptorImpl extends EvidenceDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MetricsEvidenceConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckFiles(@QueryParameter String value) {
            return FormChecks.error(() ->
                    EvidenceFields.problem(EvidenceKind.METRICS, "files", value).orElse(null));
        }
    }
}
