package io.jenkins.plugins.promotiongates.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.TrustedKeyLoader;
import io.jenkins.plugins.promotiongates.core.artifact.Workspace;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.NameList;
import io.jenkins.plugins.promotiongates.core.policy.SignatureKeyChoice;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationReport;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.LocatedVerification;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.SignatureCheck;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.SignatureLocator;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.VerificationService;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code verifySignature}: applies the environment's signature policy, loads the public keys,
 * verifies on the controller over bytes it reads from the workspace, records {@code signature.verified} or {@code signature.failed} durably, and
 * only then lets the run go on or fails it with the reason.
 */
final class VerifySignatureExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient VerifySignatureStep step;

    VerifySignatureExecution(VerifySignatureStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        SignatureKeyChoice choice = null;
        LocatedVerification located;
        try {
            choice = choose();
            located = verify(
                    new AgentWorkspace(getContext().get(FilePath.class)),
                    TrustedKeyLoader.load(choice.trustedKeyNames(), step.getKeyCredentialsId(), run),
                    choice.algorithmPolicy());
        } catch (IOException e) {
            String reason = e.getMessage();
            RunAudit.record(
                    run,
                    SignatureEvents.failed(
                            step.getArtifact(),
                            reason,
                            step.getEnvironment(),
                            choice == null ? "" : choice.policyDigest()));
            listener.getLogger().println("[Promotion Gates] Signature NOT verified: " + reason);
            throw new AbortException(reason);
        }
        Verification verification = choice.judge(located.verification());
        RunAudit.record(
                run,
                SignatureEvents.of(
                        verification,
                        step.getArtifact(),
                        located.signature(),
                        choice.environment(),
                        choice.policyDigest()));
        listener.getLogger().println(VerificationReport.consoleLine(verification));
        if (!verification.verified()) {
            throw new AbortException(verification.failure());
        }
        return VerificationReport.asMap(verification);
    }

    /**
     * Finds the signature and verifies it here, on the controller, over bytes the controller reads from
     * the workspace: the agent sends bytes and decides nothing; keys never leave the controller.
     */
    private LocatedVerification verify(Workspace workspace, List<TrustedKey> trustedKeys, AlgorithmPolicy policy)
            throws IOException {
        String checksums = step.getChecksums();
        String located = SignatureLocator.locate(
                workspace, checksums.isEmpty() ? step.getArtifact() : checksums, step.getSignature());
        SignatureCheck check = new SignatureCheck(
                step.getArtifact(),
                located,
                optional(checksums),
                trustedKeys,
                step.getFormat().equals("auto")
                        ? Optional.empty()
                        : Optional.of(SignatureFormat.parse(step.getFormat())),
                policy,
                optional(step.getNamespace()),
                optional(step.getIdentity()));
        return new LocatedVerification(
                located, new VerificationService(SignatureVerifiers.standard()).verify(workspace, check));
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private SignatureKeyChoice choose() throws AbortException {
        try {
            Environment environment = step.getEnvironment().isEmpty()
                    ? null
                    : PromotionGatesConfiguration.get().policy().require(step.getEnvironment());
            return SignatureKeyChoice.of(
                    environment,
                    NameList.parse(step.getTrustedKeys()),
                    !step.getKeyCredentialsId().isEmpty());
        } catch (InvalidPolicyException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
