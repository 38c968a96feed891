package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.config.PublicKeyCredentials;
import io.jenkins.plugins.promotiongates.core.policy.NameList;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.VerificationReport;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code verifySignature artifact: 'dist/app.tar.gz', trustedKeys: 'release-team'}: verifies a
 * workspace artifact against a detached signature, on the controller over bytes it streams from the
 * workspace, and records the
 * verdict in the run's audit. The verification itself is {@link VerifySignatureExecution}.
 */
public final class VerifySignatureStep extends Step {

    private final String artifact;
    private String signature = "";
    private String checksums = "";
    private String format = "auto";
    private String trustedKeys = "";
    private String keyCredentialsId = "";
    private String identity = "";
    private String namespace = "";
    private String environment = "";

    @DataBoundConstructor
    public VerifySignatureStep(String artifact) {
        this.artifact = artifact;
    }

    public String getArtifact() {
        return artifact;
    }

    public String getSignature() {
        return signature;
    }

    @DataBoundSetter
    public void setSignature(String signature) {
        this.signature = trimmed(signature);
    }

    public String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(String format) {
        this.format = trimmed(format).isEmpty() ? "auto" : trimmed(format);
    }

    public String getChecksums() {
        return checksums;
    }

    @DataBoundSetter
    public void setChecksums(String checksums) {
        this.checksums = trimmed(checksums);
    }

    public String getTrustedKeys() {
        return trustedKeys;
    }

    @DataBoundSetter
    public void setTrustedKeys(String trustedKeys) {
        this.trustedKeys = trimmed(trustedKeys);
    }

    public String getIdentity() {
        return identity;
    }

    @DataBoundSetter
    public void setIdentity(String identity) {
        this.identity = trimmed(identity);
    }

    public String getKeyCredentialsId() {
        return keyCredentialsId;
    }

    @DataBoundSetter
    public void setKeyCredentialsId(String keyCredentialsId) {
        this.keyCredentialsId = trimmed(keyCredentialsId);
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = trimmed(namespace);
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = trimmed(environment);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    /**
     * The verification this step asks for, built once here and carried unchanged by the execution to the
     * verification service.
     *
     * @throws IllegalArgumentException if the format is not one of {@link VerificationReport#FORMAT_CHOICES}
     */
    public VerificationRequest request() {
        return VerificationRequest.forArtifact(artifact)
                .signature(signature)
                .checksumList(checksums)
                .format(format.equals("auto") ? null : SignatureFormat.parse(format))
                .trustedKeys(NameList.parse(trustedKeys))
                .keyCredentialsId(keyCredentialsId)
                .environment(environment)
                .namespace(namespace)
                .identity(identity)
                .build();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new VerifySignatureExecution(request(), context);
    }

    @Extension
    @Symbol("verifySignature")
    public static final class DescriptorImpl extends StepDescriptor implements CustomDescribableModel {

        /** Parameters that take names as a Groovy list or as one comma-separated string. */
        public static final Set<String> NAME_LISTS = Set.of("trustedKeys");

        /** {@code trustedKeys: ['a', 'b']} binds as {@code trustedKeys: 'a, b'}: Pipeline authors write either. */
        @Override
        public @NonNull Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            return NameList.acceptingLists(arguments, NAME_LISTS);
        }

        @Override
        public String getFunctionName() {
            return "verifySignature";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.VerifySignatureStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillFormatItems() {
            ListBoxModel formats = new ListBoxModel();
            for (String format : VerificationReport.FORMAT_CHOICES) {
                formats.add(format);
            }
            return formats;
        }

        @POST
        public ListBoxModel doFillKeyCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String keyCredentialsId) {
            return PublicKeyCredentials.choices(item, keyCredentialsId);
        }
    }
}
