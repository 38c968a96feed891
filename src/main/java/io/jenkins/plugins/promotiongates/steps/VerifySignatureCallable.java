package io.jenkins.plugins.promotiongates.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.LocatedVerification;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.SignatureCheck;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.SignatureLocator;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verifiers.VerificationService;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Verifies a signature on the agent that holds the workspace: only public key material and the
 * check's parameters travel there, only the verdict travels back.
 */
final class VerifySignatureCallable extends MasterToSlaveFileCallable<LocatedVerification> {

    private static final long serialVersionUID = 1L;

    private final String artifact;
    private final String signature;
    private final String checksums;
    private final String format;
    private final String identity;
    private final String namespace;
    private final ArrayList<TrustedKey> trustedKeys;
    private final AlgorithmPolicy policy;

    VerifySignatureCallable(
            String artifact,
            String signature,
            String checksums,
            String format,
            String identity,
            String namespace,
            List<TrustedKey> trustedKeys,
            AlgorithmPolicy policy) {
        this.artifact = artifact;
        this.signature = signature;
        this.checksums = checksums;
        this.format = format;
        this.identity = identity;
        this.namespace = namespace;
        this.trustedKeys = new ArrayList<>(trustedKeys);
        this.policy = policy;
    }

    @Override
    public LocatedVerification invoke(File workspace, VirtualChannel channel) throws IOException {
        ConfinedPath root = ConfinedPath.under(workspace.toPath());
        String located = SignatureLocator.locate(root, checksums.isEmpty() ? artifact : checksums, signature);
        SignatureCheck check = new SignatureCheck(
                artifact,
                located,
                optional(checksums),
                trustedKeys,
                format.equals("auto") ? Optional.empty() : Optional.of(SignatureFormat.parse(format)),
                policy,
                optional(namespace),
                optional(identity));
        return new LocatedVerification(
                located, new VerificationService(SignatureVerifiers.standard()).verify(root, check));
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
