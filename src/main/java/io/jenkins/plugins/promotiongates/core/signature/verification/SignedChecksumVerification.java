package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
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
     * @param input the artifact, with the signature over the request's checksum list
     * @param verifier the verifier for the signature's format
     * @param list the checksum list's bytes
     */
    Verification verify(VerifierInput input, SignatureVerifier verifier, ArtifactContent list) throws IOException {
        String listName = input.request().checksumList().orElseThrow();
        if (verifier.format() == SignatureFormat.CHECKSUM) {
            return new SignatureRejectedException(
                            "the signature file '" + input.signatureName() + "' given for the checksum list '"
                                    + listName + "' is itself a checksum file, not a signature; an unsigned"
                                    + " checksum list proves integrity, not who made it",
                            "Sign the checksum list (for example gpg --detach-sign " + listName
                                    + ") and name that signature (" + listName + ".sig) as the signature.")
                    .toVerification(SignatureFormat.CHECKSUM, input.artifactName(), "", null);
        }
        byte[] listBytes = reader.read(list, "checksum list", listName);
        Verification listVerdict = verifier.verify(input.overChecksumList(ArtifactContent.of(listBytes)));
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
                    "Signature check of '" + input.artifactName() + "' failed: its checksum list '" + listName
                            + "' is not validly signed. " + listVerdict.failure());
        }
        String algorithm = listVerdict.algorithm() + ", checksum list '" + listName + "'";
        try {
            ChecksumCheck.Outcome outcome =
                    checksumCheck.check(ChecksumList.parse(listBytes), input.artifact(), input.artifactName());
            algorithm = algorithm + " (" + outcome.algorithm() + ")";
            if (outcome.rejection() != null) {
                return outcome.rejection()
                        .toVerification(listVerdict.format(), input.artifactName(), algorithm, outcome.digests());
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
            return e.toVerification(listVerdict.format(), input.artifactName(), algorithm, null);
        }
    }
}
