package io.jenkins.plugins.promotiongates.core.signature;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.RunDirectories;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Approvers see the signature verified for the very digest they approve, from the run's audit. */
public class SignatureEvidenceTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void showsTheLastVerificationOfTheSameDigest() throws Exception {
        List<AuditEvent> events = record(
                verified(A, "old-key"), verified(B, "other-artifact"), verified(A, "release-team"), failedOver(A));
        assertEquals(
                Optional.of("Verified ssh signature (Ed25519/SHA-512) by trusted key 'release-team', signer r@x,"
                        + " key SHA256:k, from app.sig at "
                        + DisplayTime.ofText(events.get(2).time())),
                SignatureEvidence.describe(events, digest(A)));
        assertEquals(
                Optional.of("No signature over this digest was verified in this run."),
                SignatureEvidence.describe(events, digest("c".repeat(64))));
        assertEquals(Optional.empty(), SignatureEvidence.describe(events, null));
    }

    private static Verification verified(String sha, String key) {
        return new Verification(
                true, SignatureFormat.SSH, "Ed25519/SHA-512", digest(sha), 3, "SHA256:k", key, "r@x", List.of(), "");
    }

    private static ArtifactDigest digest(String hex) {
        return ArtifactDigest.ofHex(DigestAlgorithm.SHA256, hex, "test digest");
    }

    private static Verification failedOver(String sha) {
        return new Verification(false, SignatureFormat.SSH, "", digest(sha), 3, "", "", "", List.of(), "bad");
    }

    private List<AuditEvent> record(Verification... verifications) throws Exception {
        Path base = temp.getRoot().toPath();
        RunRef run = new RunRef("app", 1, "job/app/1/", Files.createDirectories(base.resolve("build")));
        try (AuditService audit = AuditService.open(
                base.resolve("ledger"),
                ControllerKeyCodec.generate(new SecureRandom()),
                LedgerOptions.defaults(),
                Clock.systemUTC(),
                RunDirectories.NONE)) {
            for (Verification verification : verifications) {
                audit.record(run, SignatureEvents.of(verification, "app.tar.gz", "app.sig", "", ""));
            }
            return audit.runChain(run).events();
        }
    }
}
