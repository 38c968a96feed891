package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceFields;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A CycloneDX SBOM in the release: allowed licences, pinned versions, its subject among the release's files. */
public final class SbomEvidenceConfig extends EvidenceConfig {

    private final String files;
    private String allowedLicences = "";
    private boolean allowUnlicensed;
    private boolean requireSubjectDigest;

    @DataBoundConstructor
    public SbomEvidenceConfig(String files) {
        this.files = files;
    }

    public String getFiles() {
        return files;
    }

    public String getAllowedLicences() {
        return allowedLicences;
    }

    @DataBoundSetter
    public void setAllowedLicences(String allowedLicences) {
        this.allowedLicences = allowedLicences;
    }

    public boolean isAllowUnlicensed() {
        return allowUnlicensed;
    }

    @DataBoundSetter
    public void setAllowUnlicensed(boolean allowUnlicensed) {
        this.allowUnlicensed = allowUnlicensed;
    }

    public boolean isRequireSubjectDigest() {
        return requireSubjectDigest;
    }

    @DataBoundSetter
    public void setRequireSubjectDigest(boolean requireSubjectDigest) {
        this.requireSubjectDigest = requireSubjectDigest;
    }

    @Override
    protected EvidenceKind kind() {
        return EvidenceKind.SBOM;
    }

    @Override
    protected void settings(Map<String, Object> settings) {
        settings.put("files", files);
        settings.put("allowedLicences", allowedLicences);
        settings.put("allowUnlicensed", allowUnlicensed);
        settings.put("requireSubjectDigest", requireSubjectDigest);
    }

    @Extension
    @Symbol("sbom")
    public static final class DescriptorImpl extends EvidenceDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.SbomEvidenceConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckFiles(@QueryParameter String value) {
            return FormChecks.error(() ->
                    EvidenceFields.problem(EvidenceKind.SBOM, "files", value).orElse(null));
        }

        @POST
        public FormValidation doCheckAllowedLicences(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.SBOM, "allowedLicences", value)
                    .orElse(null));
        }
    }
}
