package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.artifact.Workspace;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point for verifying an artifact's signature, shared by the {@code verifySignature}
 * step (on the controller) and the command line: resolves and reads the inputs, chooses the verifier
 * (given or detected), and runs it, directly or through a signed checksum list.
 *
 * <p>Outcomes: a {@link Verification} for every verdict (valid or not); an {@link IOException} when
 * an input cannot be used at all: a path refused by {@link ConfinedPath} (absolute, {@code ..},
 * symbolic link leaving the workspace, directory, FIFO, missing), a signature or checksum file over
 * the size cap, an undetectable format ({@code UndetectedFormatException}), or a read error.
 *
 * <p>No downgrade: with trusted keys, an unsigned checksum file as the signature is a failed verdict
 * (see {@link #verify(VerifierInput, Optional)}); without trusted keys it is an
 * integrity-only check, verified with an empty trusted key, which no signature precondition accepts.
 */
public final class VerificationService {

    private final SignatureVerifiers verifiers;
    private final CappedFileReader reader;
    private final SignedChecksumVerification signedChecksums;

    public VerificationService(SignatureVerifiers verifiers, CappedFileReader reader, StreamingDigester digester) {
        this.verifiers = verifiers;
        this.reader = reader;
        this.signedChecksums = new SignedChecksumVerification(reader, digester);
    }

    public VerificationService(SignatureVerifiers verifiers) {
        this(verifiers, new CappedFileReader(), new StreamingDigester());
    }

    /**
     * Verifies files of a workspace, finding the signature next to the signed file when the request names
     * none ({@link SignatureLocator}). Every path is checked by {@code workspace} and refused before
     * anything is read if it leaves it or is not a regular file; each file is read once.
     *
     * @param trustedKeys the key material of the keys allowed to sign, as the caller loaded it
     * @param policy the algorithm floor
     * @return the verdict, with the signature file it was reached with
     */
    public LocatedVerification verify(
            Workspace workspace, VerificationRequest request, List<TrustedKey> trustedKeys, AlgorithmPolicy policy)
            throws IOException {
        String signatureName = SignatureLocator.locate(
                workspace, request.signedFile(), request.signature().orElse(null));
        ArtifactContent artifact = workspace.file(request.artifact());
        ArtifactContent signatureFile = workspace.file(signatureName);
        Optional<ArtifactContent> list = Optional.empty();
        if (request.checksumList().isPresent()) {
            list = Optional.of(workspace.file(request.checksumList().get()));
        }
        byte[] signature = reader.read(signatureFile, "signature file", signatureName);
        return new LocatedVerification(
                signatureName,
                verify(VerifierInput.of(request, artifact, signatureName, signature, trustedKeys, policy), list));
    }

    /**
     * No downgrade: where trusted keys are given (by the step, the command line, or an environment that
     * requires a signature), an unsigned checksum file given or detected as the signature is refused,
     * whatever it says. Only a signed checksum list ({@code checksums:} with its signature) counts.
     */
    private static Verification unsignedChecksumRefused(VerifierInput input) {
        String keys = String.join(
                ", ", input.trustedKeys().stream().map(key -> key.name()).toList());
        return new SignatureRejectedException(
                        "the signature file '" + input.signatureName() + "' is an unsigned checksum list"
                                + " (such as sha256sum output), not a signature, and trusted keys (" + keys
                                + ") were given. An unsigned checksum list proves integrity, not who made it",
                        "Sign the checksum list with a trusted key (for example gpg --detach-sign SHA256SUMS) and"
                                + " pass it as checksums: 'SHA256SUMS' with signature: 'SHA256SUMS.sig' (command"
                                + " line: --checksums SHA256SUMS --signature SHA256SUMS.sig).")
                .toVerification(SignatureFormat.CHECKSUM, input.artifactName(), "", null);
    }

    /**
     * Verifies already-resolved inputs (the command line checks its own paths): with the verifier for the
     * request's format, or detected from the signature.
     *
     * @param checksumList the bytes of the request's checksum list; present exactly when it names one
     */
    public Verification verify(VerifierInput input, Optional<ArtifactContent> checksumList) throws IOException {
        if (checksumList.isPresent() != input.request().checksumList().isPresent()) {
            throw new IllegalArgumentException("the checksum list's bytes go with a request that names one");
        }
        SignatureVerifier verifier = verifiers.choose(
                input.request().format(), input.signature(), input.signatureName(), input.trustedKeys());
        if (verifier.format() == SignatureFormat.CHECKSUM
                && !input.trustedKeys().isEmpty()) {
            return unsignedChecksumRefused(input);
        }
        if (checksumList.isPresent()) {
            return signedChecksums.verify(input, verifier, checksumList.get());
        }
        return verifier.verify(input);
    }
}
