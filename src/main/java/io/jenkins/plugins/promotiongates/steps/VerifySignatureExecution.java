package io.jenkins.plugins.promotiongates.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.audit.RunAudit;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.TrustedKeyLoader;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.NameList;
import io.jenkins.plugins.promotiongates.core.policy.SignatureKeyChoice;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationReport;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.LocatedVerification;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code verifySignature}: applies the environment's signature policy, loads the public keys,
 * verifies on the agent, records {@code signature.verified} or {@code signature.failed} durably, and
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
            located = getContext()
                    .get(FilePath.class)
                    .act(new VerifySignatureCallable(
                            step.getArtifact(),
                            step.getSignature(),
                            step.getChecksums(),
                            step.getFormat(),
                            step.getIdentity(),
                            step.getNamespace(),
                            TrustedKeyLoader.load(choice.trustedKeyNames(), step.getKeyCredentialsId(), run),
                            choice.algorithmPolicy()));
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
