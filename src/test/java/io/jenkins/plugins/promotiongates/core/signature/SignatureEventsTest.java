package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import java.util.List;
import org.junit.Test;

public class SignatureEventsTest {

    private static final ArtifactDigest SHA = ArtifactDigest.ofHex(
            DigestAlgorithm.SHA256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "test digest");

    @Test
    public void aVerifiedSignatureRecordsWhatTheSignatureGateNeeds() {
        Verification ok = new Verification(
                true,
                SignatureFormat.SSH,
                "Ed25519/SHA-512",
                SHA,
                3,
                "SHA256:abc",
                "release-team",
                "release@example.org",
                List.of(),
                "");
        EventDraft draft = SignatureEvents.of(ok, "dist/app.tar.gz", "dist/app.tar.gz.sig", "production", "d1gest");
        assertEquals("signature.verified", draft.type());
        assertEquals(EventDraft.SYSTEM, draft.actor());
        assertEquals("production", draft.environment());
        assertEquals("d1gest", draft.policyDigest());
        assertEquals(SHA, draft.artifact().digest());
        assertEquals(3, draft.artifact().size());
        assertEquals("dist/app.tar.gz", draft.artifact().path());
        assertEquals("ssh", draft.details().get("format"));
        assertEquals("SHA256:abc", draft.details().get("keyFingerprint"));
        assertEquals("release-team", draft.details().get("trustedKey"));
        assertEquals("dist/app.tar.gz.sig", draft.details().get("signature"));
        assertNull(draft.details().get("reason"));
    }

    @Test
    public void aFailureRecordsTheReasonAndOnlyADigestThatWasComputed() {
        Verification bad = new Verification(
                false, SignatureFormat.OPENPGP, "", null, -1, "", "", "", List.of(), "damaged signature");
        EventDraft draft = SignatureEvents.of(bad, "app.txt", "app.txt.asc", "", "");
        assertEquals("signature.failed", draft.type());
        assertNull(draft.artifact());
        assertNull(draft.environment());
        assertEquals("damaged signature", draft.details().get("reason"));

        EventDraft refused = SignatureEvents.failed(
                "../etc/passwd", "Artifact path '../etc/passwd' contains a '..' segment.", "", "");
        assertEquals("signature.failed", refused.type());
        assertEquals("../etc/passwd", refused.details().get("artifactPath"));
        assertThat(refused.details().toString(), not(containsString("BEGIN")));
    }
}
