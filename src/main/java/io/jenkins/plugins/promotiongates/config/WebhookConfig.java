package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.core.notify.WebhookTarget;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.sink.SecretSource;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A URL that receives an environment's gate events as signed JSON (docs/notifications.md). Not part of
 * the policy, so not in its digest. The engine's {@link WebhookTarget} reads and checks it.
 */
public final class WebhookConfig implements Describable<WebhookConfig> {

    private final String url;
    private String credentialsId = "";

    @DataBoundConstructor
    public WebhookConfig(String url) {
        this.url = url == null ? "" : url.trim();
    }

    public String getUrl() {
        return url;
    }

    /** The global Secret text credential holding the HMAC secret the body is signed with. */
    public String getCredentialsId() {
        return credentialsId == null ? "" : credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    /**
     * Where to send and how to sign, for {@code environments[<environment>].webhooks[<index>]}.
     *
     * @throws InvalidPolicyException naming the setting, the problem and the remedy
     */
    public WebhookTarget toTarget(String environment, int index) {
        String setting = "environments[" + environment + "].webhooks[" + index + "]";
        if (getCredentialsId().isEmpty()) {
            throw new InvalidPolicyException(
                    setting + ".credentialsId",
                    "is empty, but webhooks are always signed; choose a global Secret text credential holding"
                            + " the secret the receiver checks the signature with");
        }
        return WebhookTarget.of(
                setting + ".url",
                url,
                SecretTextCredentials.secretOf(setting + ".credentialsId", credentialsId, "the webhook's HMAC secret"));
    }

    @Extension
    @Symbol("webhook")
    public static final class DescriptorImpl extends Descriptor<WebhookConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WebhookConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                WebhookTarget.of("URL", value, SecretSource.NONE);
                return FormValidation.ok();
            } catch (InvalidPolicyException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return SecretTextCredentials.choices(credentialsId);
        }
    }
}
