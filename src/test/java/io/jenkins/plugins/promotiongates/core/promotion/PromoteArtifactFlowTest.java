package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.approvedGate;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.effective;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.production;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Engine twins of {@code PromoteArtifactStepJenkinsTest}: the step's flow with a real audit ledger,
 * signatures read back from the run's chain, and the inventory rebuilt from the ledger.
 */
public class PromoteArtifactFlowTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(MONDAY_10);
    private AuditedRuns audit;
    private Path artifact;
    private ArtifactDigest sha256;
    private FileSystemRepository repository;
    private Path repositoryRoot;

    @Before
    public void setUp() throws Exception {
        audit = new AuditedRuns(tmp.newFolder("home").toPath(), clock);
        artifact = tmp.newFolder("ws", "dist").toPath().resolve("app.tar.gz");
        Files.writeString(artifact, "release 1.4", StandardCharsets.UTF_8);
        sha256 = PromotionFixtures.digest(artifact);
        repositoryRoot = tmp.newFolder("releases").toPath();
        repository = new FileSystemRepository(repositoryRoot);
        audit.stagingHolds(sha256, MONDAY_10);
    }

    @After
    public void tearDown() throws Exception {
        audit.close();
    }

    /** What the step does: read this run's signatures and the ledger's inventory, promote, record. */
    private PromotionOutcome promote(RunRef run, List<GateSnapshot> gates) throws Exception {
        LedgerEvents ledger = audit.ledgerEvents(run);
        RecordedSignatures.Reading signatures = RecordedSignatures.read(ledger);
        Inventory inventory = PromotionEvents.inventory(audit.service()).inventory();
        PromotionRequest request = new PromotionRequest(
                PromotionFixtures.release("dist/app.tar.gz", "1.4.0", sha256, 11),
                "staging",
                "production",
                run,
                "main",
                signatures.signatures(),
                RecordedApprovals.read(gates, ledger).gates(),
                EnvironmentSnapshot.capture(
                        Map.of("JAVA_HOME", "/usr/lib/jvm/17", "TOKEN", "s3cr3t-value"),
                        Map.of(),
                        List.of("JAVA_HOME", "TOKEN"),
                        Set.of("TOKEN"),
                        List.of("s3cr3t-value")));
        PromotionOutcome outcome = new PromotionService(
                        PromotionFixtures.policy(production()), PromotionFixtures.TIGHTENER, clock)
                .promote(request, file -> ArtifactContent.of(artifact), inventory, repository);
        for (EventDraft draft : PromotionEvents.drafts(outcome, "alice")) {
            audit.record(run, draft);
        }
        return outcome;
    }

    private void verifyAndApprove(RunRef run, List<GateSnapshot> gates) throws Exception {
        audit.record(run, AuditedRuns.signatureVerified("dist/app.tar.gz", 11, sha256, "release-key"));
        gates.add(audit.recordGate(run, approvedGate(effective(production()), sha256, clock)));
    }

    private List<String> types(RunRef run) throws Exception {
        return audit.chain(run).events().stream().map(AuditEvent::type).toList();
    }

    @Test
    public void verifyTwoApprovalsAndPromoteStoresTheFileRecordsItAndTheInventorySurvivesARestart() throws Exception {
        RunRef run = new RunRef("shop/main", 42, "job/shop/job/main/42/");
        List<GateSnapshot> gates = new java.util.ArrayList<>();
        verifyAndApprove(run, gates);

        PromotionOutcome outcome = promote(run, gates);

        assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
        assertEquals(sha256, PromotionFixtures.digest(repositoryRoot.resolve("shop/1.4.0/app.tar.gz")));
        assertEquals(
                List.of(
                        EventTypes.SIGNATURE_VERIFIED,
                        EventTypes.APPROVAL_REQUESTED,
                        EventTypes.APPROVAL_GRANTED,
                        EventTypes.APPROVAL_GRANTED,
                        EventTypes.GATE_PASSED,
                        EventTypes.GATE_PASSED,
                        EventTypes.PROMOTION_COMPLETED),
                types(run));
        AuditEvent completed = audit.chain(run).events().get(6);
        assertEquals("production", completed.get("environment").asText());
        assertEquals(
                PromotionFixtures.release("dist/app.tar.gz", "1.4.0", sha256)
                        .digest()
                        .hex(),
                completed.get("artifact").path("sha256").asText());
        assertEquals(
                effective(production()).digest(), completed.get("policyDigest").asText());
        assertEquals(
                "release-key",
                completed
                        .get("details")
                        .path("signatures")
                        .path(0)
                        .path("trustedKey")
                        .asText());
        assertEquals(
                "****",
                completed
                        .get("details")
                        .path("snapshot")
                        .path("variables")
                        .path("TOKEN")
                        .asText());
        assertFalse(completed.json().toString().contains("s3cr3t-value"));

        audit.restart();
        Inventory rebuilt = PromotionEvents.inventory(audit.service()).inventory();
        assertTrue(PromotionFixtures.holdsFile(rebuilt, "production", sha256));
        assertEquals(
                "shop/main#42",
                rebuilt.current(PromotionFixtures.APPLICATION, "production")
                        .orElseThrow()
                        .run());
        assertTrue(PromotionFixtures.holdsFile(rebuilt, "staging", sha256));
    }

    @Test
    public void withoutApprovalsOrSignatureThePromotionIsRefusedListingEveryFailingGateAndRecorded() throws Exception {
        RunRef run = new RunRef("shop/main", 42, "job/shop/job/main/42/");

        PromotionOutcome outcome = promote(run, List.of());

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertEquals(
                List.of(Precondition.SIGNATURE, Precondition.APPROVALS),
                outcome.evaluation().failures().stream()
                        .map(PreconditionResult::precondition)
                        .toList());
        String report = outcome.evaluation().report();
        assertThat(report, containsString("2 of 7 gates fail"));
        assertThat(report, containsString("Remedy: call verifySignature artifact: 'app.tar.gz'"));
        assertThat(report, containsString("Remedy: call requireApprovals environment: 'production'"));
        assertEquals(List.of(EventTypes.GATE_FAILED, EventTypes.PROMOTION_REFUSED), types(run));
        AuditEvent refused = audit.chain(run).events().get(1);
        assertEquals("REFUSED", refused.get("details").path("status").asText());
        assertEquals(2, refused.get("details").path("reasons").size());
        assertFalse(Files.exists(repositoryRoot.resolve("shop")));
        assertTrue(PromotionEvents.inventory(audit.service())
                .inventory()
                .current(PromotionFixtures.APPLICATION, "production")
                .isEmpty());
    }

    @Test
    public void promotingTheSameDigestAndVersionAgainInAReplayIsANoOp() throws Exception {
        RunRef first = new RunRef("shop/main", 42, "job/shop/job/main/42/");
        List<GateSnapshot> gates = new java.util.ArrayList<>();
        verifyAndApprove(first, gates);
        assertEquals(PromotionOutcome.Status.COMPLETED, promote(first, gates).status());
        clock.advance(Duration.ofMinutes(10));

        RunRef replay = new RunRef("shop/main", 43, "job/shop/job/main/43/");
        List<GateSnapshot> replayGates = new java.util.ArrayList<>();
        verifyAndApprove(replay, replayGates);
        PromotionOutcome again = promote(replay, replayGates);

        assertEquals(again.reasons().toString(), PromotionOutcome.Status.NOOP, again.status());
        assertFalse(again.record().orElseThrow().stored());
        assertEquals(
                List.of(
                        EventTypes.SIGNATURE_VERIFIED,
                        EventTypes.APPROVAL_REQUESTED,
                        EventTypes.APPROVAL_GRANTED,
                        EventTypes.APPROVAL_GRANTED,
                        EventTypes.GATE_PASSED,
                        EventTypes.GATE_PASSED,
                        EventTypes.PROMOTION_NOOP),
                types(replay));
        Inventory inventory = PromotionEvents.inventory(audit.service()).inventory();
        assertEquals(
                2,
                inventory.history(PromotionFixtures.APPLICATION, "production").size());
        assertEquals(
                MONDAY_10,
                inventory
                        .currentSince(
                                PromotionFixtures.APPLICATION,
                                "production",
                                PromotionFixtures.held(inventory, "production"))
                        .orElseThrow());
        try (var files = Files.list(
                repositoryRoot.resolve(".store/sha256/" + sha256.hex().substring(0, 2)))) {
            assertEquals(1, files.count());
        }
    }
}
