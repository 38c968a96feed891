package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceFields;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An external system asked over HTTPS by the controller (a change approval, a monitoring check): pass, fail,
 * or pending, in which case the promotion waits and asks again with backoff.
 */
public final class ExternalCheckEvidenceConfig extends EvidenceConfig {

    private final String name;
    private final String endpoint;
    private String credentialsId = "";
    private String timeout = "";
    private String giveUpAfter = "";

    @DataBoundConstructor
    public ExternalCheckEvidenceConfig(String name, String endpoint) {
        this.name = name;
        this.endpoint = endpoint;
    }

    public String getName() {
        return name;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public String getGiveUpAfter() {
        return giveUpAfter;
    }

    @DataBoundSetter
    public void setGiveUpAfter(String giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    protected EvidenceKind kind() {
        return EvidenceKind.EXTERNAL_CHECK;
    }

    @Override
    protected void settings(Map<String, Object> settings) {
        settings.put("name", name);
        settings.put("endpoint", endpoint);
        settings.put("credentialsId", credentialsId);
        settings.put("timeout", timeout);
        settings.put("giveUpAfter", giveUpAfter);
    }

    @Extension
    @Symbol("externalCheck")
    public static final class DescriptorImpl extends EvidenceDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ExternalCheckEvidenceConfig_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return SecretTextCredentials.choices(credentialsId);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.EXTERNAL_CHECK, "name", value)
                    .orElse(null));
        }

        @POST
        public FormValidation doCheckEndpoint(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.EXTERNAL_CHECK, "endpoint", value)
                    .orElse(null));
        }

        @POST
        public FormValidation doCheckTimeout(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.EXTERNAL_CHECK, "timeout", value)
                    .orElse(null));
        }

        @POST
        public FormValidation doCheckGiveUpAfter(@QueryParameter String value) {
            return FormChecks.error(() -> EvidenceFields.problem(EvidenceKind.EXTERNAL_CHECK, "giveUpAfter", value)
                    .orElse(null));
        }
    }
}
