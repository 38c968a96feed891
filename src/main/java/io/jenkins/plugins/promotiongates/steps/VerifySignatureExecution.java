package io.jenkins.plugins.promotiongates.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.TrustedKeyLoader;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.SignatureKeyChoice;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationReport;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.verification.LocatedVerification;
import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verification.VerificationService;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code verifySignature}: applies the environment's signature policy, loads the public keys,
 * verifies on the controller over bytes it reads from the workspace, records {@code signature.verified} or {@code signature.failed} durably, and
 * only then lets the run go on or fails it with the reason.
 */
final class VerifySignatureExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** Built once by the step; kept as the execution's serial state. */
    private final VerificationRequest request;

    VerifySignatureExecution(VerificationRequest request, StepContext context) {
        super(context);
        this.request = request;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        String environment = request.environment().orElse("");
        SignatureKeyChoice choice = null;
        LocatedVerification located;
        try {
            choice = choose();
            located = new VerificationService(SignatureVerifiers.standard())
                    .verify(
                            new AgentWorkspace(getContext().get(FilePath.class)),
                            request,
                            TrustedKeyLoader.load(
                                    choice.trustedKeyNames(),
                                    request.keyCredentialsId().orElse(""),
                                    run),
                            choice.algorithmPolicy());
        } catch (IOException e) {
            String reason = e.getMessage();
            RunAudit.record(
                    run,
                    SignatureEvents.failed(
                            request.artifact(), reason, environment, choice == null ? "" : choice.policyDigest()));
            listener.getLogger().println("[Promotion Gates] Signature NOT verified: " + reason);
            throw new AbortException(reason);
        }
        Verification verification = choice.judge(located.verification());
        RunAudit.record(
                run,
                SignatureEvents.of(
                        verification,
                        request.artifact(),
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
            Environment environment = request.environment().isEmpty()
                    ? null
                    : PromotionGatesConfiguration.get()
                            .policy()
                            .require(request.environment().get());
            return SignatureKeyChoice.of(
                    environment,
                    request.trustedKeys(),
                    request.keyCredentialsId().isPresent());
        } catch (InvalidPolicyException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
