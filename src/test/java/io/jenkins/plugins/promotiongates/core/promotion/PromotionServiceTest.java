package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.approvedGate;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.effective;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.production;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.record;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.signature;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.policy.Verdict;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RecordOnlyRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryOpener;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PromotionServiceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(MONDAY_10);
    private Path artifact;
    private ArtifactDigest sha256;
    private Path repositoryRoot;
    private ArtifactRepository repository;

    @Before
    public void setUp() throws Exception {
        artifact = tmp.newFolder("ws", "dist").toPath().resolve("app.tar.gz");
        Files.writeString(artifact, "release 1.4", StandardCharsets.UTF_8);
        sha256 = PromotionFixtures.digest(artifact);
        repositoryRoot = tmp.newFolder("repo").toPath();
        repository = new FileSystemRepository(repositoryRoot);
    }

    private PromotionService service(Environment production) {
        return new PromotionService(PromotionFixtures.policy(production), PromotionFixtures.TIGHTENER, clock);
    }

    private PromotionRequest request(
            String from,
            String to,
            String version,
            String branch,
            List<VerifiedSignature> signatures,
            List<GateSnapshot> gates) {
        return new PromotionRequest(
                PromotionFixtures.release("dist/app.tar.gz", version, sha256, 11),
                from,
                to,
                RUN,
                branch,
                signatures,
                PromotionFixtures.confirmed(gates),
                EnvironmentSnapshot.EMPTY);
    }

    /** Staging has held this artifact since 25 hours before now. */
    private Inventory soakedInStaging() {
        return Inventory.of(List.of(
                record("dev", "app.tar.gz", "1.4.0", sha256, MONDAY_10.minus(Duration.ofHours(30))),
                record("staging", "app.tar.gz", "1.4.0", sha256, MONDAY_10.minus(Duration.ofHours(25)))));
    }

    private PromotionRequest goodRequest() {
        return request(
                "staging",
                "production",
                "1.4.0",
                "main",
                List.of(signature("release-key", sha256)),
                List.of(approvedGate(effective(production()), sha256, clock)));
    }

    @Test
    public void everyFailingGateIsReportedAtOnceWithItsRemedy() throws Exception {
        clock.set(Instant.parse("2025-06-07T10:00:00Z")); // a Saturday
        ArtifactDigest other = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "0".repeat(64), "test digest");
        Inventory inventory = Inventory.of(List.of(
                record("staging", "app.tar.gz", "1.3.0", other, clock.instant().minusSeconds(60)),
                record(
                        "production",
                        "app.tar.gz",
                        "1.4.0",
                        other,
                        clock.instant().minusSeconds(30))));
        PromotionRequest request = request("staging", "production", "1.4.0", "feature/x", List.of(), List.of());

        ArtifactContent neverOpened = () -> {
            throw new AssertionError("a promotion refused by its gates must not read the artifact");
        };

        PromotionOutcome outcome = service(production()).promote(request, file -> neverOpened, inventory, repository);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        List<PreconditionResult> failures = outcome.evaluation().failures();
        assertEquals(
                List.of(
                        Precondition.PATH,
                        Precondition.SIGNATURE,
                        Precondition.APPROVALS,
                        Precondition.BRANCH,
                        Precondition.CHANGE_WINDOW,
                        Precondition.SOAK_TIME,
                        Precondition.VERSION),
                failures.stream().map(PreconditionResult::precondition).toList());
        for (PreconditionResult failure : failures) {
            assertThat(failure.precondition() + " has a remedy", failure.remedy(), not(""));
        }
        assertThat(
                failures.get(0).message(),
                containsString("is not what staging holds now of shop; staging holds 1.3.0"));
        assertThat(failures.get(1).remedy(), containsString("call verifySignature artifact: 'app.tar.gz'"));
        assertThat(failures.get(2).remedy(), containsString("call requireApprovals environment: 'production'"));
        assertThat(failures.get(3).message(), containsString("branch 'feature/x' matches none of [main, release/**]"));
        assertThat(failures.get(4).remedy(), containsString("the next opening is Mon 2025-06-09 09:00"));
        assertThat(failures.get(5).message(), containsString("never promoted to staging"));
        assertThat(failures.get(6).message(), containsString("1.4.0 in production was promoted as sha256:"));
        assertThat(failures.get(6).remedy(), containsString("under a new version"));
        assertEquals(7, outcome.reasons().size());
        assertThat(outcome.evaluation().report(), containsString("7 of 7 gates fail"));
        assertTrue(outcome.record().isEmpty());
        assertNothingWritten();
    }

    /**
     * A refusal line names its gate once: {@code [FAIL] approvals: gate 'release' ...}, never
     * {@code [FAIL] approvals: approvals: ...}, for every gate, whichever check wrote the message.
     */
    @Test
    public void everyRefusalLineNamesItsGateOnce() throws Exception {
        ArtifactDigest other = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "0".repeat(64), "test digest");
        List<PromotionRequest> requests = List.of(
                request("staging", "production", "1.4.0", "feature/x", List.of(), List.of()),
                request(
                        "staging",
                        "production",
                        "1.4.0",
                        "main",
                        List.of(signature("release-key", other)),
                        List.of(approvedGate(effective(production()), other, clock))));
        int lines = 0;
        for (PromotionRequest request : requests) {
            Evaluation evaluation = service(production()).evaluate(request, Inventory.empty(), repository);
            for (PreconditionResult result : evaluation.results()) {
                String label = result.precondition().label() + ": ";
                String line = result.line();
                assertThat(line, containsString(label));
                String rest = line.substring(line.indexOf(label) + label.length());
                assertFalse(line, rest.startsWith(label));
                assertFalse(line, result.message().startsWith(label));
                lines++;
            }
        }
        assertTrue(lines >= 2 * Precondition.values().length - 2);
        Evaluation approvalsForAnotherDigest = service(production()).evaluate(requests.get(1), soakedInStaging());
        PreconditionResult approvals = approvalsForAnotherDigest.results().stream()
                .filter(result -> result.precondition() == Precondition.APPROVALS)
                .findFirst()
                .orElseThrow();
        assertThat(approvals.line(), containsString("[FAIL] approvals: gate 'approve-prod' approved digest"));
        assertEquals(
                "[FAIL] soakTime: the artifact was never promoted to staging, so it has not soaked there. Remedy:"
                        + " promote it to staging first",
                PreconditionResult.of(
                                Precondition.SOAK_TIME,
                                Verdict.fail(
                                        "soakTime: the artifact was never promoted to staging, so it has not soaked there;"
                                                + " promote it to staging first"))
                        .line());
    }

    @Test
    public void aPromotionThatPassesEveryGateIsStoredAndRecorded() throws Exception {
        PromotionOutcome outcome = service(production())
                .promote(goodRequest(), file -> ArtifactContent.of(artifact), soakedInStaging(), repository);

        assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
        PromotionRecord record = outcome.record().orElseThrow();
        Path stored = repositoryRoot.resolve("shop/1.4.0/app.tar.gz");
        assertEquals(stored.getParent().toString(), record.location());
        assertEquals(sha256, PromotionFixtures.digest(stored));
        assertEquals("production", record.environment());
        assertEquals("staging", record.from());
        assertEquals("shop/main#42", record.run());
        assertEquals(List.of("ann", "bob"), record.approvals().get(0).approvers());
        assertEquals("release-key", record.signatures().get(0).trustedKey());
        assertEquals(effective(production()).digest(), record.policyDigest());
        assertFalse(record.rollback());
        PromotionRecord beside = PromotionRecordJson.read(Files.readString(stored.resolveSibling("promotion.json")));
        assertEquals(record, beside);
    }

    @Test
    public void promotingTheSameDigestAgainIsARecordedNoop() throws Exception {
        PromotionService service = service(production());
        PromotionOutcome first =
                service.promote(goodRequest(), file -> ArtifactContent.of(artifact), soakedInStaging(), repository);
        Inventory after = soakedInStaging().with(first.record().orElseThrow());

        PromotionOutcome again =
                service.promote(goodRequest(), file -> ArtifactContent.of(artifact), after, repository);

        assertEquals(again.reasons().toString(), PromotionOutcome.Status.NOOP, again.status());
        assertFalse(again.record().orElseThrow().stored());
        assertThat(again.evaluation().results().get(6).message(), containsString("recorded no-op"));
    }

    @Test
    public void dryRunEvaluatesEveryGateAndWritesNothing() throws Exception {
        Evaluation evaluation = service(production()).evaluate(goodRequest(), soakedInStaging(), repository);

        assertTrue(evaluation.report(), evaluation.passed());
        assertEquals(7, evaluation.results().size());
        assertEquals(Boolean.TRUE, evaluation.toTree().get("passed"));
        assertNothingWritten();
    }

    @Test
    public void aDryRunOpensNoRepositoryAndSaysTheVersionWasCheckedAgainstTheInventoryOnly() throws Exception {
        Evaluation evaluation = service(production()).evaluate(goodRequest(), soakedInStaging());

        assertTrue(evaluation.report(), evaluation.passed());
        assertThat(
                evaluation.results().get(6).message(),
                containsString("its repository is checked when the promotion runs; a dry run opens none"));
        assertNothingWritten();
    }

    @Test
    public void aPromotionRefusedByItsGatesNeverOpensTheRepositoryNorResolvesItsCredentials() throws Exception {
        PromotionRequest request = request("staging", "production", "1.4.0", "feature/x", List.of(), List.of());
        RepositoryOpener opener = () -> {
            throw new AssertionError("the repository (and its credentials) must not be opened for a refused promotion");
        };

        PromotionOutcome outcome =
                service(production()).promote(request, file -> ArtifactContent.of(artifact), soakedInStaging(), opener);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertThat(outcome.evaluation().report(), containsString("feature/x"));
    }

    @Test
    public void aRepositoryThatCannotBeOpenedRefusesWithItsReasonAfterTheGatesHeld() throws Exception {
        String reason = "environments[production].repositoryCredentialsId names 'nexus', which is not a global"
                + " credential. Ask an administrator to store it.";
        RepositoryOpener opener = () -> {
            throw new RepositoryException(reason, true);
        };

        PromotionOutcome outcome = service(production())
                .promote(goodRequest(), file -> ArtifactContent.of(artifact), soakedInStaging(), opener);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertEquals(List.of(reason), outcome.reasons());
        assertTrue(outcome.evaluation().passed());
        assertNothingWritten();
    }

    @Test
    public void approvalsGivenUnderAnOlderPolicyNoLongerCount() {
        GateSnapshot oldGate = approvedGate(effective(production()), sha256, clock);
        Environment changed =
                production().toBuilder().approvalValidity(Duration.ofHours(12)).build();
        PromotionRequest request = request(
                "staging", "production", "1.4.0", "main", List.of(signature("release-key", sha256)), List.of(oldGate));

        Evaluation evaluation = service(changed).evaluate(request, soakedInStaging(), repository);

        assertEquals(
                List.of(Precondition.APPROVALS),
                evaluation.failures().stream()
                        .map(PreconditionResult::precondition)
                        .toList());
        assertThat(evaluation.failures().get(0).message(), containsString("is not a tightening of it"));
        assertThat(evaluation.failures().get(0).remedy(), containsString("request approvals again"));
    }

    @Test
    public void approvalsUnderATightenedPolicyCount() {
        GateSnapshot tightened = approvedGate(
                PromotionFixtures.TIGHTENER.effective(production(), Tightening.NONE.withValidity(Duration.ofHours(1))),
                sha256,
                clock);
        PromotionRequest request = request(
                "staging",
                "production",
                "1.4.0",
                "main",
                List.of(signature("release-key", sha256)),
                List.of(tightened));

        assertTrue(service(production())
                .evaluate(request, soakedInStaging(), repository)
                .passed());
    }

    @Test
    public void approvalsForAnotherDigestAndSignaturesByAnotherKeyDoNotCount() {
        ArtifactDigest other = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "f".repeat(64), "test digest");
        PromotionRequest request = request(
                "staging",
                "production",
                "1.4.0",
                "main",
                List.of(signature("release-key", other), signature("dev-key", sha256)),
                List.of(approvedGate(effective(production()), other, clock)));

        Evaluation evaluation = service(production()).evaluate(request, soakedInStaging(), repository);

        assertEquals(
                List.of(Precondition.SIGNATURE, Precondition.APPROVALS),
                evaluation.failures().stream()
                        .map(PreconditionResult::precondition)
                        .toList());
        assertThat(
                evaluation.failures().get(0).message(),
                containsString("were made with [dev-key], none of which"
                        + " environments[production].signature.trustedKeys [release-key] lists"));
        assertThat(evaluation.failures().get(1).message(), containsString("approved digest '" + other + "'"));
    }

    @Test
    public void aRollbackTakesTheFastPathWhenPolicyAllowsIt() throws Exception {
        ArtifactDigest newer = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "e".repeat(64), "test digest");
        Instant t = MONDAY_10.minus(Duration.ofDays(3));
        Inventory inventory = Inventory.of(List.of(
                record("staging", "app.tar.gz", "1.4.0", sha256, t),
                record("production", "app.tar.gz", "1.4.0", sha256, t.plus(Duration.ofDays(1))),
                record("staging", "app.tar.gz", "1.5.0", newer, t.plus(Duration.ofDays(1))),
                record("production", "app.tar.gz", "1.5.0", newer, t.plus(Duration.ofDays(2)))));
        PromotionRequest rollback =
                request("staging", "production", "1.4.0", "main", List.of(signature("release-key", sha256)), List.of());

        Evaluation strict = service(production()).evaluate(rollback, inventory, new RecordOnlyRepository());
        assertEquals(
                List.of(Precondition.APPROVALS),
                strict.failures().stream().map(PreconditionResult::precondition).toList());
        assertTrue(strict.rollback());

        Environment fast = production().toBuilder().rollbackApprovals(0).build();
        PromotionOutcome outcome = service(fast)
                .promote(rollback, file -> ArtifactContent.of(artifact), inventory, new RecordOnlyRepository());
        assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
        PromotionRecord record = outcome.record().orElseThrow();
        assertTrue(record.rollback());
        assertTrue(record.rollbackFastPath());
        assertThat(record.approvals(), empty());
        assertThat(outcome.evaluation().results().get(2).message(), containsString("rollback fast path"));
        assertTrue(PromotionFixtures.holdsFile(inventory.with(record), "production", sha256));
        assertEquals(
                record.digest(),
                inventory
                        .with(record)
                        .current(PromotionFixtures.APPLICATION, "production")
                        .orElseThrow()
                        .digest());
    }

    @Test
    public void aRollbackWithRollbackApprovalsAcceptsAGateWithTheRollbackPolicy() {
        ArtifactDigest newer = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "e".repeat(64), "test digest");
        Instant t = MONDAY_10.minus(Duration.ofDays(3));
        Inventory inventory = Inventory.of(List.of(
                record("production", "app.tar.gz", "1.4.0", sha256, t),
                record("production", "app.tar.gz", "1.5.0", newer, t.plus(Duration.ofDays(1)))));
        Environment oneApproval = production().toBuilder().rollbackApprovals(1).build();
        var rollbackPolicy = RollbackPolicy.of(effective(oneApproval)).orElseThrow();
        var gate = io.jenkins.plugins.promotiongates.core.approval.ApprovalGate.open(
                "rollback",
                rollbackPolicy,
                sha256,
                io.jenkins.plugins.promotiongates.core.approval.RunParties.of(PromotionFixtures.IDS, "sam", List.of()),
                clock);
        gate.approve(PromotionFixtures.lead("ann"), "", sha256, gate.snapshot().policyDigest());
        PromotionRequest request = request(
                "staging",
                "production",
                "1.4.0",
                "main",
                List.of(signature("release-key", sha256)),
                List.of(gate.snapshot()));

        Evaluation evaluation = service(oneApproval).evaluate(request, inventory, new RecordOnlyRepository());
        assertTrue(evaluation.report(), evaluation.passed());
        assertTrue(evaluation.rollbackFastPath());

        Inventory notRollback = Inventory.of(List.of(record("staging", "app.tar.gz", "1.4.0", sha256, t)));
        Evaluation forward = service(oneApproval).evaluate(request, notRollback, new RecordOnlyRepository());
        assertEquals(
                List.of(Precondition.APPROVALS),
                forward.failures().stream()
                        .map(PreconditionResult::precondition)
                        .toList());
    }

    @Test
    public void unknownEnvironmentsAreNamedWithTheKnownOnes() {
        PromotionRequest request = request("staging", "prod", "1.4.0", "main", List.of(), List.of());

        Evaluation evaluation = service(production()).evaluate(request, Inventory.empty(), repository);

        assertFalse(evaluation.passed());
        assertThat(
                evaluation.failures().get(0).message(),
                containsString(
                        "'prod' is not an environment defined in Manage Jenkins; known environments: [dev, staging, production]"));
    }

    @Test
    public void anArtifactChangedAfterEvaluationIsRefusedAndNothingIsVisible() throws Exception {
        PromotionRequest request = goodRequest();
        Files.writeString(artifact, "tampered!!!", StandardCharsets.UTF_8);

        PromotionOutcome outcome = service(production())
                .promote(request, file -> ArtifactContent.of(artifact), soakedInStaging(), repository);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertThat(
                outcome.reasons().get(0),
                containsString("changed after its gates were evaluated: it was sha256 " + sha256.hex()));
        assertFalse(Files.exists(repositoryRoot.resolve("shop")));
    }

    @Test
    public void bytesStreamedWithAnotherDigestThanTheEvaluatedOneAreRefusedAndNothingIsVisible() throws Exception {
        // what a lying agent would send instead of the bytes the gates were evaluated for
        ArtifactContent lying = () -> new java.io.ByteArrayInputStream("other bytes".getBytes(StandardCharsets.UTF_8));

        PromotionOutcome outcome =
                service(production()).promote(goodRequest(), file -> lying, soakedInStaging(), repository);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertThat(
                outcome.reasons().get(0),
                containsString("changed after its gates were evaluated: it was sha256 " + sha256.hex()
                        + " and is now sha256 "));
        assertTrue(outcome.record().isEmpty());
        assertFalse(Files.exists(repositoryRoot.resolve("shop")));
        try (Stream<Path> files = Files.walk(repositoryRoot)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    public void outcomeMapsCarryStatusLocationAndGates() throws Exception {
        PromotionOutcome outcome = service(production())
                .promote(goodRequest(), file -> ArtifactContent.of(artifact), soakedInStaging(), repository);
        Map<String, Object> tree = outcome.toTree();
        assertEquals("COMPLETED", tree.get("status"));
        assertThat((String) tree.get("location"), containsString("repo/shop/1.4.0"));
        assertEquals(7, ((List<?>) ((Map<?, ?>) tree.get("evaluation")).get("gates")).size());
    }

    private void assertNothingWritten() throws Exception {
        try (Stream<Path> files = Files.list(repositoryRoot)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
