package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceFields;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceRequirement;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Test results: no failures and at least a number of tests, from JUnit XML in the release or the run's results. */
public final class TestsEvidenceConfig extends EvidenceConfig {

    private String files = "";
    private int minimumTests = EvidenceRequirement.DEFAULT_MINIMUM_TESTS;

    @DataBoundConstructor
    public TestsEvidenceConfig() {}

    public String getFiles() {
        return files;
    }

    @DataBoundSetter
    public void setFiles(String files) {
        this.files = files;
    }

    public int getMinimumTests() {
        return minimumTests;
    }

    @DataBoundSetter
    public void setMinimumTests(int minimumTests) {
        this.minimumTests = minimumTests;
    }

    @Override
    protected EvidenceKind kind() {
        return EvidenceKind.TESTS;
    }

    @Override
    protected void settings(Map<String, Object> settings) {
        settings.put("files", files);
        settings.put("minimumTests", minimumTests);
    }

    @Extension
    @Symbol("tests")
    public static final class DescriptorImpl extends EvidenceDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TestsEvidenceConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckFiles(@QueryParameter String value) {
            return FormChecks.error(() ->
                    EvidenceFields.problem(EvidenceKind.TESTS, "files", value).orElse(null));
        }

        @POST
        public FormValidation doCheckMinimumTests(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.TESTS, "minimumTests", value)
                    .orElse(null));
        }
    }
}
