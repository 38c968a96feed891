package io.jenkins.plugins.promotiongates.core.signature.checksum;

import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.io.IOException;
import java.util.List;

/**
 * Checks an artifact against an unsigned checksum file given as the signature. This proves
 * integrity only, not who published the file: the verdict is {@code verified == true} with the
 * {@link #INTEGRITY_ONLY} warning and an empty key fingerprint and signer identity, so a policy
 * that requires a signature can tell. A signed checksum list is checked by the service, which
 * verifies the list's own signature first.
 */
public final class ChecksumVerifier implements SignatureVerifier {

    /** The warning of every unsigned checksum verdict. */
    public static final String INTEGRITY_ONLY =
            "checksum only: proves integrity, not origin (the checksum file is not signed)";

    private final ChecksumCheck check;

    public ChecksumVerifier(StreamingDigester digester) {
        this.check = new ChecksumCheck(digester);
    }

    public ChecksumVerifier() {
        this(new StreamingDigester());
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.CHECKSUM;
    }

    @Override
    public boolean recognizes(byte[] signature) {
        return ChecksumList.looksLike(signature);
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        try {
            if (input.identity().isPresent()) {
                throw new SignatureRejectedException(
                        "an identity ('" + input.identity().get() + "') was requested, but an unsigned checksum "
                                + "file has no signer",
                        "Verify a signed checksum file, or remove the identity parameter.");
            }
            ChecksumList list = ChecksumList.parse(input.signature());
            ChecksumCheck.Outcome outcome = check.check(list, input.artifact(), input.artifactName());
            if (outcome.rejection() != null) {
                return outcome.rejection()
                        .toVerification(format(), input.artifactName(), outcome.algorithm(), outcome.digests());
            }
            return new Verification(
                    true,
                    format(),
                    outcome.algorithm(),
                    outcome.digests().sha256(),
                    outcome.digests().size(),
                    "",
                    "",
                    "",
                    List.of(INTEGRITY_ONLY),
                    "");
        } catch (SignatureRejectedException e) {
            return e.toVerification(format(), input.artifactName(), "", null);
        }
    }
}
