package io.jenkins.plugins.promotiongates.core.promotion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The signature precondition: an unsigned checksum verdict never satisfies it, whatever trusted key it claims. */
public class ChecksumIsNotASignatureTest {

    private static final ArtifactDigest SHA256 =
            ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "ab".repeat(32), "test digest");
    private static final SignatureRequirement REQUIRED = SignatureRequirement.of(Set.of("release-key"));

    private static VerifiedSignature checksum(String claimedKey) {
        return new VerifiedSignature(
                claimedKey,
                new Verification(
                        true,
                        SignatureFormat.CHECKSUM,
                        "SHA-256",
                        SHA256,
                        11,
                        "",
                        claimedKey,
                        "",
                        List.of(ChecksumVerifier.INTEGRITY_ONLY),
                        ""));
    }

    private static SignaturePrecondition.Outcome gate(List<VerifiedSignature> signatures) {
        return SignaturePrecondition.check(
                "production", REQUIRED, PromotionFixtures.release("app.tar.gz", "1.4.0", SHA256), signatures);
    }

    @Test
    public void anIntegrityOnlyChecksumIsRefusedNamingReasonAndRemedy() {
        SignaturePrecondition.Outcome outcome = gate(List.of(checksum("")));
        assertFalse(outcome.result().passed());
        assertTrue(outcome.signatures().isEmpty());
        assertThat(outcome.result().message(), containsString("only an unsigned checksum over " + SHA256));
        assertThat(outcome.result().message(), containsString("proves integrity, not who made app.tar.gz"));
        assertThat(outcome.result().remedy(), containsString("gpg --detach-sign SHA256SUMS"));
    }

    @Test
    public void aChecksumVerdictClaimingATrustedKeyStillDoesNotCount() {
        assertFalse(gate(List.of(checksum("release-key"))).result().passed());
    }

    @Test
    public void aSignatureByTheTrustedKeyStillCounts() {
        SignaturePrecondition.Outcome outcome =
                gate(List.of(checksum("release-key"), PromotionFixtures.signature("release-key", SHA256)));
        assertTrue(outcome.result().message(), outcome.result().passed());
    }
}
