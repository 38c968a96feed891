package io.jenkins.plugins.promotiongates.core.signature.verifiers;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.artifact.Workspace;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import java.io.IOException;
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
 * (see {@link #verify(VerificationRequest, Optional, Optional)}); without trusted keys it is an
 * integrity-only check, verified with an empty trusted key, which no signature gate accepts.
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
     * Verifies files of a workspace. Every path is checked by {@code workspace} and refused before
     * anything is read if it leaves it or is not a regular file; each file is read once.
     */
    public Verification verify(Workspace workspace, SignatureCheck check) throws IOException {
        ArtifactContent artifact = workspace.file(check.artifact());
        ArtifactContent signatureFile = workspace.file(check.signature());
        Optional<ChecksumListFile> list = Optional.empty();
        if (check.checksumList().isPresent()) {
            String name = check.checksumList().get();
            list = Optional.of(new ChecksumListFile(name, workspace.file(name)));
        }
        byte[] signature = reader.read(signatureFile, "signature file", check.signature());
        return verify(
                new VerificationRequest(
                        check.artifact(),
                        artifact,
                        check.signature(),
                        signature,
                        check.trustedKeys(),
                        check.policy(),
                        check.namespace(),
                        check.identity()),
                check.format(),
                list);
    }

    /**
     * No downgrade: where trusted keys are given (by the step, the command line, or an environment that
     * requires a signature), an unsigned checksum file given or detected as the signature is refused,
     * whatever it says. Only a signed checksum list ({@code checksums:} with its signature) counts.
     */
    private static Verification unsignedChecksumRefused(VerificationRequest request) {
        String keys = String.join(
                ", ", request.trustedKeys().stream().map(key -> key.name()).toList());
        return new SignatureRejectedException(
                        "the signature file '" + request.signatureName() + "' is an unsigned checksum list"
                                + " (such as sha256sum output), not a signature, and trusted keys (" + keys
                                + ") were given. An unsigned checksum list proves integrity, not who made it",
                        "Sign the checksum list with a trusted key (for example gpg --detach-sign SHA256SUMS) and"
                                + " pass it as checksums: 'SHA256SUMS' with signature: 'SHA256SUMS.sig' (command"
                                + " line: --checksums SHA256SUMS --signature SHA256SUMS.sig).")
                .toVerification(SignatureFormat.CHECKSUM, request.artifactName(), "", null);
    }

    /**
     * Verifies already-resolved inputs (the command line checks its own paths).
     *
     * @param format the signature's format; empty means detect it
     * @param checksumList the checksum list the signature signs, when it is not over the artifact itself
     */
    public Verification verify(
            VerificationRequest request, Optional<SignatureFormat> format, Optional<ChecksumListFile> checksumList)
            throws IOException {
        SignatureVerifier verifier =
                verifiers.choose(format, request.signature(), request.signatureName(), request.trustedKeys());
        if (verifier.format() == SignatureFormat.CHECKSUM
                && !request.trustedKeys().isEmpty()) {
            return unsignedChecksumRefused(request);
        }
        if (checksumList.isPresent()) {
            return signedChecksums.verify(request, verifier, checksumList.get());
        }
        return verifier.verify(request);
    }
}
