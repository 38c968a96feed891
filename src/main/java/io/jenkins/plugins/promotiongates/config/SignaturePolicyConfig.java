package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The signature an artifact needs to enter an environment: which trusted keys may sign it, and the algorithm floor. Read and validated by the engine's {@link EnvironmentSettings}. */
public final class SignaturePolicyConfig implements Describable<SignaturePolicyConfig> {

    private final String trustedKeys;
    private int minimumRsaBits = 2048;
    private String minimumHash = "sha256";

    @DataBoundConstructor
    public SignaturePolicyConfig(String trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    public String getTrustedKeys() {
        return trustedKeys;
    }

    public int getMinimumRsaBits() {
        return minimumRsaBits;
    }

    @DataBoundSetter
    public void setMinimumRsaBits(int minimumRsaBits) {
        this.minimumRsaBits = minimumRsaBits;
    }

    public String getMinimumHash() {
        return minimumHash;
    }

    @DataBoundSetter
    public void setMinimumHash(String minimumHash) {
        this.minimumHash = minimumHash;
    }

    EnvironmentSettings.SignatureSettings toSettings() {
        return new EnvironmentSettings.SignatureSettings(trustedKeys, minimumRsaBits, minimumHash);
    }

    @Extension
    @Symbol("signaturePolicy")
    public static final class DescriptorImpl extends Descriptor<SignaturePolicyConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.SignaturePolicyConfig_DisplayName();
        }
    }
}
