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

/** A SARIF 2.1.0 scan in the release: no finding at or above a threshold, but for accepted, unexpired ones. */
public final class VulnerabilitiesEvidenceConfig extends EvidenceConfig {

    private final String files;
    private String failOnLevel = "error";
    private String failOnSecuritySeverity = "";
    private List<AcceptedFindingConfig> exceptions = new ArrayList<>();

    @DataBoundConstructor
    public VulnerabilitiesEvidenceConfig(String files) {
        this.files = files;
    }

    public String getFiles() {
        return files;
    }

    public String getFailOnLevel() {
        return failOnLevel;
    }

    @DataBoundSetter
    public void setFailOnLevel(String failOnLevel) {
        this.failOnLevel = failOnLevel;
    }

    public String getFailOnSecuritySeverity() {
        return failOnSecuritySeverity;
    }

    @DataBoundSetter
    public void setFailOnSecuritySeverity(String failOnSecuritySeverity) {
        this.failOnSecuritySeverity = failOnSecuritySeverity;
    }

    public List<AcceptedFindingConfig> getExceptions() {
        return exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    @DataBoundSetter
    public void setExceptions(List<AcceptedFindingConfig> exceptions) {
        this.exceptions = exceptions == null ? new ArrayList<>() : new ArrayList<>(exceptions);
    }

    @Override
    protected EvidenceKind kind() {
        return EvidenceKind.VULNERABILITIES;
    }

    @Override
    protected void settings(Map<String, Object> settings) {
        settings.put("files", files);
        settings.put("failOnLevel", failOnLevel);
        settings.put("failOnSecuritySeverity", failOnSecuritySeverity);
        settings.put(
                "exceptions",
                getExceptions().stream().map(AcceptedFindingConfig::toSettings).toList());
    }

    @Extension
    @Symbol("vulnerabilities")
    public static final class DescriptorImpl extends EvidenceDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.VulnerabilitiesEvidenceConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckFiles(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.VULNERABILITIES, "files", value)
                    .orElse(null));
        }

        @POST
        public FormValidation doCheckFailOnLevel(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.VULNERABILITIES, "failOnLevel", value)
                    .orElse(null));
        }

        @POST
        public FormValidation doCheckFailOnSecuritySeverity(@QueryParameter String value) {
            return FormChecks.error(
                    () -> EvidenceFields.problem(EvidenceKind.VULNERABILITIES, "failOnSecuritySeverity", value)
                            .orElse(null));
        }
    }
}
