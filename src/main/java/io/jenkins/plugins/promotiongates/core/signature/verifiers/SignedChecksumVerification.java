package io.jenkins.plugins.promotiongates.core.signature.verifiers;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumCheck;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumList;
import java.io.IOException;
import java.util.List;

/**
 * A checksum list signed by any format (a {@code SHA256SUMS} with {@code SHA256SUMS.asc},
 * {@code .sig} or {@code .minisig}): the list's signature is verified first, with the verifier for
 * its format; then the artifact's digest is compared with the list's line for it. The verdict
 * carries the signature's format, key and signer, and the artifact's digest.
 */
final class SignedChecksumVerification {

    private final CappedFileReader reader;
    private final ChecksumCheck checksumCheck;

    SignedChecksumVerification(CappedFileReader reader, StreamingDigester digester) {
        this.reader = reader;
        this.checksumCheck = new ChecksumCheck(digester);
    }

    /**
     * @param request the artifact, with the signature over the checksum list
     * @param verifier the verifier for the signature's format
     */
    Verification verify(VerificationRequest request, SignatureVerifier verifier, ChecksumListFile list)
            throws IOException {
        if (verifier.format() == SignatureFormat.CHECKSUM) {
            return new SignatureRejectedException(
                            "the signature file '" + request.signatureName() + "' given for the checksum list '"
                                    + list.name() + "' is itself a checksum file, not a signature; an unsigned"
                                    + " checksum list proves integrity, not who made it",
                            "Sign the checksum list (for example gpg --detach-sign " + list.name()
                                    + ") and name that signature (" + list.name() + ".sig) as the signature.")
                    .toVerification(SignatureFormat.CHECKSUM, request.artifactName(), "", null);
        }
        byte[] listBytes = reader.read(list.content(), "checksum list", list.name());
        Verification listVerdict = verifier.verify(new VerificationRequest(
                list.name(),
                ArtifactContent.of(listBytes),
                request.signatureName(),
                request.signature(),
                request.trustedKeys(),
                request.policy(),
                request.namespace(),
                request.identity()));
        if (!listVerdict.verified()) {
            return new Verification(
                    false,
                    listVerdict.format(),
                    listVerdict.algorithm(),
                    null,
                    -1,
                    "",
                    "",
                    "",
                    listVerdict.warnings(),
                    "Signature check of '" + request.artifactName() + "' failed: its checksum list '" + list.name()
                            + "' is not validly signed. " + listVerdict.failure());
        }
        String algorithm = listVerdict.algorithm() + ", checksum list '" + list.name() + "'";
        try {
            ChecksumCheck.Outcome outcome =
                    checksumCheck.check(ChecksumList.parse(listBytes), request.artifact(), request.artifactName());
            algorithm = algorithm + " (" + outcome.algorithm() + ")";
            if (outcome.rejection() != null) {
                return outcome.rejection()
                        .toVerification(listVerdict.format(), request.artifactName(), algorithm, outcome.digests());
            }
            return new Verification(
                    true,
                    listVerdict.format(),
                    algorithm,
                    outcome.digests().sha256(),
                    outcome.digests().size(),
                    listVerdict.keyFingerprint(),
                    listVerdict.trustedKey(),
                    listVerdict.signerIdentity(),
                    List.copyOf(listVerdict.warnings()),
                    "");
        } catch (SignatureRejectedException e) {
            return e.toVerification(listVerdict.format(), request.artifactName(), algorithm, null);
        }
    }
}
