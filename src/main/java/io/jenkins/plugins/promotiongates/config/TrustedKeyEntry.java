package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKeyName;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A key that may sign artifacts: a name that steps and environments refer to, and the id of a
 * credential (secret file or secret text) holding the public key material. Only the id is stored.
 */
public final class TrustedKeyEntry implements Describable<TrustedKeyEntry> {

    private final String name;
    private final String credentialsId;

    @DataBoundConstructor
    public TrustedKeyEntry(String name, String credentialsId) {
        this.name = name;
        this.credentialsId = credentialsId;
    }

    public String getName() {
        return name;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Extension
    @Symbol("trustedKey")
    public static final class DescriptorImpl extends Descriptor<TrustedKeyEntry> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TrustedKeyEntry_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String problem = TrustedKeyName.problem(value);
            return problem == null ? FormValidation.ok() : FormValidation.error(problem);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return PublicKeyCredentials.choices(null, credentialsId);
        }
    }
}
