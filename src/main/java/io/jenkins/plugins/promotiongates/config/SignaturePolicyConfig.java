package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AutoCompletionCandidates;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentFields;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import io.jenkins.plugins.promotiongates.core.policy.SignatureHash;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The signature an artifact needs to enter an environment: which trusted keys may sign it, and the algorithm floor. Read and validated by the engine's {@link EnvironmentSettings}. */
public final class SignaturePolicyConfig implements Describable<SignaturePolicyConfig> {

    /** The minimum RSA size an empty form field or an omitted YAML key means (docs/policies.md). */
    public static final int DEFAULT_MINIMUM_RSA_BITS = SignatureRequirement.DEFAULT_MINIMUM_RSA_BITS;

    /** The minimum hash an empty form field or an omitted YAML key means (docs/policies.md). */
    public static final String DEFAULT_MINIMUM_HASH = SignatureHash.SHA256.label();

    private final String trustedKeys;
    private int minimumRsaBits = DEFAULT_MINIMUM_RSA_BITS;
    private String minimumHash = DEFAULT_MINIMUM_HASH;

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

    /** An empty field ({@code null}) means the default, {@value #DEFAULT_MINIMUM_RSA_BITS}. */
    @DataBoundSetter
    public void setMinimumRsaBits(@CheckForNull Integer minimumRsaBits) {
        this.minimumRsaBits = minimumRsaBits == null ? DEFAULT_MINIMUM_RSA_BITS : minimumRsaBits;
    }

    public String getMinimumHash() {
        return minimumHash;
    }

    /** An empty field means the default, {@code sha256}. */
    @DataBoundSetter
    public void setMinimumHash(@CheckForNull String minimumHash) {
        this.minimumHash = minimumHash == null || minimumHash.isBlank() ? DEFAULT_MINIMUM_HASH : minimumHash.trim();
    }

    /** Configurations saved before the defaults applied to empty fields load with the defaults. */
    private Object readResolve() {
        if (minimumHash == null || minimumHash.isBlank()) {
            minimumHash = DEFAULT_MINIMUM_HASH;
        }
        if (minimumRsaBits == 0) {
            minimumRsaBits = DEFAULT_MINIMUM_RSA_BITS;
        }
        return this;
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

        /** Saving needs at least one name; a promotion needs each to be a trusted key, so an unknown one warns. */
        @POST
        public FormValidation doCheckTrustedKeys(@QueryParameter String value) {
            return FormChecks.errorOrWarning(
                    () -> EnvironmentFields.signatureKeys(value),
                    () -> EnvironmentFields.unknownNames("trusted key", value, FormChecks.trustedKeyNames()));
        }

        /** The configured trusted keys' names, for the one being typed in the comma-separated list. */
        @POST
        public AutoCompletionCandidates doAutoCompleteTrustedKeys(@QueryParameter String value) {
            return FormChecks.completions(value, FormChecks.trustedKeyNames());
        }

        @POST
        public FormValidation doCheckMinimumRsaBits(@QueryParameter String value) {
            return FormChecks.error(() -> value == null || value.isBlank() ? null : bits(value));
        }

        @POST
        public FormValidation doCheckMinimumHash(@QueryParameter String value) {
            return FormChecks.error(
                    () -> value == null || value.isBlank() ? null : EnvironmentFields.minimumHash(value));
        }

        private static String bits(String value) {
            try {
                return EnvironmentFields.minimumRsaBits(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                return "'" + value + "' is not a whole number of bits; write one such as 2048 or 3072";
            }
        }
    }
}
