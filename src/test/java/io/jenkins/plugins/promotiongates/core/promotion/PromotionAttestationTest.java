package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.approvedGate;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.effective;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.production;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.signature;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationRejectedException;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSubject;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationVerifier;
import io.jenkins.plugins.promotiongates.core.attestation.PromotionStatement;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RecordOnlyRepository;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * A promotion of a multi-file release, with the values the steps really produce: every file's
 * signature verified, approvals bound to the release digest, then the promotion, its record, its
 * attestation (checked with the controller's public key) and its audit events.
 */
public class PromotionAttestationTest {

    private static final byte[] APP = "the application".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SBOM = "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);

    private final ManualClock clock = new ManualClock(MONDAY_10);
    private final KeyPair controller = key();
    private final Release release =
            new Release("shop", "1.4.0", List.of(file("sbom.json", SBOM), file("app.tar.gz", APP)));

    @Test
    public void aMultiFileReleaseIsPromotedRecordedAndAttestedWithEveryFileAsASubject() throws Exception {
        PromotionOutcome outcome =
                promote(List.of(signature("release-key", digest(APP)), signature("release-key", digest(SBOM))));

        assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
        PromotionRecord record = outcome.record().orElseThrow();
        assertEquals(release, record.release());
        assertEquals(2, record.signatures().size());
        assertTrue(Inventory.empty().with(record).holdsNow("shop", "production", release.digest()));

        byte[] envelope = outcome.attestation().orElseThrow().toJson();
        PromotionStatement statement = AttestationVerifier.verify(envelope, controller.getPublic(), "attestation");
        assertEquals(
                List.of(
                        new AttestationSubject("app.tar.gz", digest(APP)),
                        new AttestationSubject("sbom.json", digest(SBOM))),
                statement.subjects());
        assertEquals(release.digest(), statement.releaseDigest());
        assertEquals("production", statement.environment());
        assertEquals(effective(production()).digest(), statement.policyDigest());
        assertEquals(
                List.of("path", "signature", "approvals", "branch", "changeWindow", "soakTime", "version"),
                statement.gates());
        assertEquals("record-only:shop/1.4.0", statement.resourceUri());

        List<EventDraft> drafts = PromotionEvents.drafts(outcome, "sam");
        assertEquals(
                List.of(EventTypes.GATE_PASSED, EventTypes.PROMOTION_COMPLETED, EventTypes.PROMOTION_ATTESTED),
                drafts.stream().map(EventDraft::type).toList());
        byte[] recorded =
                new ObjectMapper().writeValueAsBytes(drafts.get(2).details().get("envelope"));
        assertEquals(
                statement, AttestationVerifier.verify(recorded, controller.getPublic(), "promotion.attested event"));
    }

    @Test
    public void aFileWithoutATrustedSignatureRefusesTheReleaseAndNothingIsAttested() {
        PromotionOutcome outcome = promote(List.of(signature("release-key", digest(APP))));

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertTrue(outcome.attestation().isEmpty());
        assertTrue(outcome.reasons().toString(), outcome.reasons().get(0).contains("1 of 2 files of the release"));
        assertTrue(outcome.reasons().get(0).contains("no signature over sbom.json"));
        assertEquals(
                List.of(EventTypes.GATE_FAILED, EventTypes.PROMOTION_REFUSED),
                PromotionEvents.drafts(outcome, "sam").stream()
                        .map(EventDraft::type)
                        .toList());
    }

    @Test
    public void anAttestationUnderAnotherKeyIsRefused() {
        PromotionOutcome outcome =
                promote(List.of(signature("release-key", digest(APP)), signature("release-key", digest(SBOM))));
        byte[] envelope = outcome.attestation().orElseThrow().toJson();

        assertThrows(
                AttestationRejectedException.class,
                () -> AttestationVerifier.verify(envelope, key().getPublic(), "attestation"));
    }

    @Test
    public void theFileRepositoryKeepsTheAttestationBesideTheReleaseMadeVisibleWithIt() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("attested-repository");
        try {
            PromotionOutcome outcome = promote(
                    List.of(signature("release-key", digest(APP)), signature("release-key", digest(SBOM))),
                    new io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository(root));

            assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
            java.nio.file.Path beside = root.resolve("shop/1.4.0/promotion.intoto.json");
            PromotionStatement statement = AttestationVerifier.verify(
                    java.nio.file.Files.readAllBytes(beside), controller.getPublic(), beside.toString());
            assertEquals(release.digest(), statement.releaseDigest());
            assertEquals(
                    root.resolve("shop/1.4.0").toUri().toString(),
                    statement.resourceUri() + (statement.resourceUri().endsWith("/") ? "" : "/"));
            assertEquals(
                    outcome.attestation().orElseThrow(),
                    io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope.parse(
                            java.nio.file.Files.readAllBytes(beside), "beside"));
        } finally {
            try (var walk = java.nio.file.Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().setWritable(true));
            }
            try (var walk = java.nio.file.Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    public void theControllerIsNamedByItsRootUrlOrElseByItsKey() {
        PromotionOutcome outcome =
                promote(List.of(signature("release-key", digest(APP)), signature("release-key", digest(SBOM))));
        Evaluation evaluation = outcome.evaluation();
        java.time.Instant now = MONDAY_10;

        PromotionStatement named = statement(PromotionAttestor.forController(controller, "https://ci.example.com")
                .attest(evaluation, "/srv/releases/shop/1.4.0", now));
        assertEquals("https://ci.example.com/", named.verifierId());
        assertEquals("https://ci.example.com/manage/configureSecurity/", named.policyUri());
        assertEquals("file:///srv/releases/shop/1.4.0", named.resourceUri());

        PromotionStatement unnamed =
                statement(PromotionAttestor.forController(controller, null).attest(evaluation, "/srv/x", now));
        assertEquals(
                "urn:promotion-gates:controller:"
                        + io.jenkins.plugins.promotiongates.core.artifact.Sha256.hex(
                                controller.getPublic().getEncoded()),
                unnamed.verifierId());
    }

    private PromotionStatement statement(io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope envelope) {
        try {
            return AttestationVerifier.verify(envelope.toJson(), controller.getPublic(), "attestation");
        } catch (AttestationRejectedException e) {
            throw new AssertionError(e);
        }
    }

    private PromotionOutcome promote(List<VerifiedSignature> signatures) {
        return promote(signatures, new RecordOnlyRepository());
    }

    private PromotionOutcome promote(
            List<VerifiedSignature> signatures,
            io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository repository) {
        PromotionRequest request = new PromotionRequest(
                release,
                "staging",
                "production",
                RUN,
                "main",
                signatures,
                PromotionFixtures.confirmed(List.of(approvedGate(effective(production()), release.digest(), clock))),
                EnvironmentSnapshot.EMPTY);
        PromotionRecord inStaging = new PromotionRecord(
                "staging",
                "",
                release,
                "shop/main#41",
                "",
                MONDAY_10.minus(Duration.ofHours(25)),
                "record-only:",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "",
                null,
                null);
        PromotionAttestor attestor = new PromotionAttestor(
                controller, "https://jenkins.example.com/", "https://jenkins.example.com/manage/");
        Map<String, byte[]> bytes = Map.of("app.tar.gz", APP, "sbom.json", SBOM);
        return new PromotionService(
                        PromotionFixtures.policy(production()), PromotionFixtures.TIGHTENER, clock, attestor)
                .promote(
                        request,
                        file -> ArtifactContent.of(bytes.get(file.name())),
                        Inventory.empty().with(inStaging),
                        repository);
    }

    private static ReleaseFile file(String name, byte[] bytes) {
        return new ReleaseFile(name, digest(bytes), bytes.length);
    }

    private static ArtifactDigest digest(byte[] bytes) {
        try {
            return ArtifactDigest.of(
                    DigestAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair key() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
