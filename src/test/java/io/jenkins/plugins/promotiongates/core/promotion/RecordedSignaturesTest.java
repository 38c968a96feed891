package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.event.ArtifactRef;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RecordedSignaturesTest {

    private static final ArtifactDigest SHA = ArtifactDigest.ofHex(
            DigestAlgorithm.SHA256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private AuditedRuns audit;

    @Before
    public void open() throws Exception {
        audit = new AuditedRuns(tmp.getRoot().toPath(), new ManualClock(MONDAY_10));
    }

    @After
    public void close() throws Exception {
        audit.close();
    }

    private static EventDraft withDetail(String name, Object value) {
        EventDraft draft = AuditedRuns.signatureVerified("dist/app.tar.gz", 11, SHA, "release-key");
        Map<String, Object> details = new HashMap<>(draft.details());
        if (value == null) {
            details.remove(name);
        } else {
            details.put(name, value);
        }
        return draft.withDetails(details);
    }

    @Test
    public void whatVerifySignatureRecordsIsReadBackExactly() throws Exception {
        Verification recorded = new Verification(
                true,
                SignatureFormat.MINISIGN,
                "Ed25519/BLAKE2b-512",
                SHA,
                11,
                "A1B2C3",
                "release-key",
                "trusted comment",
                List.of("legacy"),
                "");
        audit.record(RUN, SignatureEvents.of(recorded, "dist/app.tar.gz", "dist/app.tar.gz.minisig", "", ""));
        RecordedSignatures.Reading reading = RecordedSignatures.read(audit.ledgerEvents(RUN));
        assertEquals(List.of(), reading.ignored());
        assertEquals(List.of(new VerifiedSignature("release-key", recorded)), reading.signatures());
    }

    @Test
    public void aRecordedVerificationBecomesTheVerifiedSignatureTheGateReads() throws Exception {
        audit.record(RUN, EventDraft.of(EventTypes.APPROVAL_REQUESTED, "SYSTEM"));
        audit.record(RUN, AuditedRuns.signatureVerified("dist/app.tar.gz", 11, SHA, "release-key"));

        RecordedSignatures.Reading reading = RecordedSignatures.read(audit.ledgerEvents(RUN));

        assertEquals(List.of(), reading.ignored());
        assertEquals(1, reading.signatures().size());
        VerifiedSignature signature = reading.signatures().get(0);
        assertEquals("release-key", signature.trustedKey());
        Verification v = signature.verification();
        assertTrue(v.verified());
        assertEquals(SignatureFormat.OPENPGP, v.format());
        assertEquals("Ed25519", v.algorithm());
        assertEquals(SHA, v.artifactDigest());
        assertEquals(11, v.artifactSize());
        assertEquals("ABCD 1234", v.keyFingerprint());
        assertEquals("Release Team <release@example.com>", v.signerIdentity());
        assertEquals(List.of("the key expires in 10 days"), v.warnings());
    }

    @Test
    public void missingOrHostileFieldsAreNotUsedAndEachIsNamed() throws Exception {
        audit.record(RUN, withDetail("format", null));
        audit.record(RUN, withDetail("format", "x509-magic"));
        audit.record(RUN, withDetail("algorithm", 42));
        audit.record(RUN, withDetail("trustedKey", List.of("release-key")));
        audit.record(RUN, withDetail("warnings", "not a list"));
        audit.record(RUN, withDetail("signer", "x".repeat(RecordedSignatures.MAX_TEXT + 1)));
        audit.record(RUN, EventDraft.of(EventTypes.SIGNATURE_VERIFIED, "SYSTEM").withDetails(Map.of("format", "ssh")));
        audit.record(
                RUN,
                AuditedRuns.signatureVerified("dist/app.tar.gz", 11, SHA, "release-key")
                        .withArtifact(null)
                        .withDetails(withDetail("algorithm", "Ed25519").details()));
        // A valid one last: it is still used.
        audit.record(RUN, withDetail("signer", null));

        RecordedSignatures.Reading reading = RecordedSignatures.read(audit.ledgerEvents(RUN));

        assertEquals(1, reading.signatures().size());
        assertEquals("", reading.signatures().get(0).verification().signerIdentity());
        List<String> ignored = reading.ignored();
        assertEquals(8, ignored.size());
        assertThat(
                ignored.get(0),
                containsString("audit event 1 (signature.verified) is not used: details.format is missing"));
        assertThat(ignored.get(1), containsString("details.format names no known signature format"));
        assertThat(ignored.get(2), containsString("details.algorithm is not a string"));
        assertThat(ignored.get(3), containsString("details.trustedKey is not a string"));
        assertThat(ignored.get(4), containsString("details.warnings is not a list"));
        assertThat(ignored.get(5), containsString("details.signer is longer than 4096 characters"));
        assertThat(ignored.get(6), containsString("artifact.sha256 is missing"));
        assertThat(ignored.get(7), containsString("event 8"));
    }

    @Test
    public void aRunFileThatLostItsSignatureLineStillHasTheSignatureTheLedgerHolds() throws Exception {
        audit.record(RUN, AuditedRuns.signatureVerified("dist/app.tar.gz", 11, SHA, "release-key"));
        audit.record(RUN, new EventDraft(EventTypes.GATE_PASSED, "SYSTEM", "production", null, Map.of(), null));
        Path file = audit.run(RUN).directory().resolve("promotion-audit.jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, List.of(lines.get(1)), StandardCharsets.UTF_8);
        assertTrue(audit.chain(RUN).problem().isPresent());

        LedgerEvents ledger = audit.ledgerEvents(RUN);
        RecordedSignatures.Reading reading = RecordedSignatures.read(ledger);

        // The run file is a copy: the ledger's events decide, whatever happened to the copy.
        assertEquals(List.of(), ledger.report());
        assertEquals(List.of(), reading.ignored());
        assertEquals(SHA, reading.signatures().get(0).verification().artifactDigest());
    }

    @Test
    public void anArtifactWithAHostileSizeOrDigestIsRefusedByTheRecorderAlready() {
        // The recorder refuses these before anything is written, so a chain never holds them.
        org.junit.Assert.assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("a", -1, SHA));
        org.junit.Assert.assertThrows(
                IllegalArgumentException.class,
                () -> new ArtifactRef("a", 1, ArtifactDigest.of(DigestAlgorithm.SHA512, new byte[64])));
    }
}
