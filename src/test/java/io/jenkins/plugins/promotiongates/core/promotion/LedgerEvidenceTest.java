package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.effective;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.lead;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.production;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRefusedException;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RecordOnlyRepository;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The ledger is the evidence: the signature and approvals preconditions decide from the run's events as the
 * controller's ledger holds them. The run file and build.xml, which a build can write, are copies:
 * one that disagrees is reported and ignored. And the latest decision wins.
 */
public class LedgerEvidenceTest {

    private static final ArtifactDigest SHA = ArtifactDigest.ofHex(
            DigestAlgorithm.SHA256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(MONDAY_10);
    private final List<String> log = new ArrayList<>();
    private AuditedRuns audit;

    @Before
    public void open() throws Exception {
        audit = new AuditedRuns(tmp.getRoot().toPath(), clock);
    }

    @After
    public void close() throws Exception {
        audit.close();
    }

    /** What {@code promoteArtifact} does: read the ledger, check the stored gates against it, evaluate. */
    private Evaluation evaluate(Environment production, List<GateSnapshot> stored) throws Exception {
        LedgerEvents ledger = audit.ledgerEvents(RUN);
        log.addAll(ledger.report());
        RecordedSignatures.Reading signatures = RecordedSignatures.read(ledger);
        log.addAll(signatures.ignored());
        RecordedApprovals.Reading approvals = RecordedApprovals.read(stored, ledger);
        log.addAll(approvals.ignored());
        PromotionRequest request = new PromotionRequest(
                PromotionFixtures.release("dist/app.tar.gz", "1.4.0", SHA, 11),
                "staging",
                "production",
                RUN,
                "main",
                signatures.signatures(),
                approvals.gates(),
                EnvironmentSnapshot.EMPTY);
        Inventory soaked = Inventory.of(List.of(PromotionFixtures.record(
                "staging", "app.tar.gz", "1.4.0", SHA, MONDAY_10.minus(Duration.ofHours(25)))));
        return new PromotionService(PromotionFixtures.policy(production), PromotionFixtures.TIGHTENER, clock)
                .evaluate(request, soaked, new RecordOnlyRepository());
    }

    private static List<Precondition> failing(Evaluation evaluation) {
        return evaluation.failures().stream()
                .map(PreconditionResult::precondition)
                .toList();
    }

    private void signed() throws Exception {
        audit.record(RUN, AuditedRuns.signatureVerified("dist/app.tar.gz", 11, SHA, "release-key"));
    }

    private ApprovalGate open(Environment production, String id, ArtifactDigest digest) {
        return ApprovalGate.open(
                id, effective(production), digest, RunParties.of(PromotionFixtures.IDS, "sam", List.of()), clock);
    }

    private GateSnapshot approved(Environment production, String id, String comment) throws Exception {
        ApprovalGate gate = open(production, id, SHA);
        String policy = gate.snapshot().policyDigest();
        gate.approve(lead("ann"), comment, SHA, policy);
        clock.advance(Duration.ofSeconds(5));
        gate.approve(lead("bob"), comment, SHA, policy);
        clock.advance(Duration.ofMinutes(1));
        return audit.recordGate(RUN, gate.snapshot());
    }

    private GateSnapshot rejected(Environment production, String id, ArtifactDigest digest) throws Exception {
        ApprovalGate gate = open(production, id, digest);
        gate.reject(
                lead("carol"),
                "the changelog lists an unreviewed migration",
                digest,
                gate.snapshot().policyDigest());
        clock.advance(Duration.ofMinutes(1));
        return audit.recordGate(RUN, gate.snapshot());
    }

    // --- Signatures from the ledger ---

    /**
     * Appends to the run file the line a build can write: a {@code signature.verified} event that is
     * the next of the run's chain, with its event hash and ledger link hash computed right.
     */
    private void forgeSignatureInRunFile() throws Exception {
        Path file = audit.run(RUN).directory().resolve("promotion-audit.jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        byte[] last = lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8);
        ObjectNode lastLine = CanonicalJson.readObject(last, 0, last.length, "last line");
        ObjectNode event = ((ObjectNode) lastLine.get("event")).deepCopy();
        event.put("type", "signature.verified");
        event.put("prev", event.get("hash").asText());
        event.put("seq", event.get("seq").asLong() + 1);
        event.remove("hash");
        event.remove("environment");
        event.remove("policyDigest");
        ObjectNode artifact = event.putObject("artifact");
        artifact.put("path", "dist/app.tar.gz");
        artifact.put("sha256", SHA.hex());
        artifact.put("size", 11);
        ObjectNode details = event.putObject("details");
        details.put("format", "openpgp");
        details.put("algorithm", "Ed25519");
        details.put("trustedKey", "release-key");
        event.put("hash", Sha256.hex(CanonicalJson.write(event)));
        long seq = lastLine.get("seq").asLong() + 1;
        String prev = lastLine.get("hash").asText();
        ObjectNode link = CanonicalJson.newObject();
        link.put("event", event.get("hash").asText());
        link.put("prev", prev);
        link.put("seq", seq);
        ObjectNode line = CanonicalJson.newObject();
        line.set("event", event);
        line.put("hash", Sha256.hex(CanonicalJson.write(link)));
        line.put("prev", prev);
        line.put("seq", seq);
        Files.write(
                file,
                (new String(CanonicalJson.write(line), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
    }

    @Test
    public void aSelfConsistentSignatureEventForgedInTheRunFileIsReportedAndTheSignatureGateRefuses() throws Exception {
        GateSnapshot gate = approved(production(), "approve-prod", "");
        forgeSignatureInRunFile();
        // The copy is a valid run chain that the run file alone would have believed:
        assertTrue(audit.chain(RUN).intact());
        assertEquals(
                1,
                RecordedSignatures.read(audit.chain(RUN).events()).signatures().size());

        Evaluation evaluation = evaluate(production(), List.of(gate));

        assertEquals(evaluation.report(), List.of(Precondition.SIGNATURE), failing(evaluation));
        assertThat(evaluation.failures().get(0).message(), containsString("no signature over app.tar.gz"));
        assertEquals(log.toString(), 1, log.size());
        assertThat(log.get(0), containsString("the run file's event 5 (signature.verified)"));
        assertThat(log.get(0), containsString("is not in the controller's ledger"));
    }

    @Test
    public void aSignatureRecordedInTheLedgerCountsWithNothingReported() throws Exception {
        signed();
        GateSnapshot gate = approved(production(), "approve-prod", "");

        Evaluation evaluation = evaluate(production(), List.of(gate));

        assertTrue(evaluation.report(), evaluation.passed());
        assertEquals(List.of(), log);
    }

    // --- Approval gates checked against the ledger ---

    @Test
    public void aTimedOutGateEditedToApprovedInBuildXmlIsReportedAndRefused() throws Exception {
        signed();
        Environment production =
                production().toBuilder().gateTimeout(Duration.ofMinutes(30)).build();
        ApprovalGate gate = open(production, "approve-prod", SHA);
        String policy = gate.snapshot().policyDigest();
        gate.approve(lead("ann"), "", SHA, policy);
        clock.advance(Duration.ofMinutes(31));
        assertTrue(gate.expireIfDue());
        GateSnapshot timedOut = audit.recordGate(RUN, gate.snapshot());
        // What a build writes into build.xml: bob's approval, and the gate APPROVED.
        List<Decision> decisions = new ArrayList<>(timedOut.decisions());
        decisions.add(new Decision(
                "bob", DecisionKind.APPROVE, timedOut.openedAt().plusSeconds(60), "", SHA, policy, List.of(0)));
        GateSnapshot edited = new GateSnapshot(
                timedOut.gateId(),
                timedOut.policy(),
                policy,
                SHA,
                timedOut.parties(),
                timedOut.openedAt(),
                timedOut.deadline(),
                GateState.APPROVED,
                decisions,
                timedOut.openedAt().plusSeconds(60),
                "bob",
                "every approval rule is met");

        Evaluation evaluation = evaluate(production, List.of(edited));

        assertEquals(evaluation.report(), List.of(Precondition.APPROVALS), failing(evaluation));
        assertThat(evaluation.failures().get(0).message(), containsString("is TIMED_OUT in the ledger"));
        assertThat(evaluation.failures().get(0).message(), containsString("so it is not used"));
        assertEquals(log.toString(), 1, log.size());
        assertThat(
                log.get(0),
                containsString("approval gate 'approve-prod' stored in build.xml differs from the ledger (state:"
                        + " build.xml 'APPROVED', ledger 'TIMED_OUT'"));
        assertThat(log.get(0), containsString("number of decisions: build.xml '2', ledger '1'"));
    }

    @Test
    public void anExtraDecisionInAnApprovedGatesCopyIsReportedAndTheGateIsNotUsed() throws Exception {
        signed();
        GateSnapshot real = approved(production(), "approve-prod", "");
        List<Decision> decisions = new ArrayList<>(real.decisions());
        decisions.add(
                new Decision("dave", DecisionKind.APPROVE, real.closedAt(), "", SHA, real.policyDigest(), List.of(0)));
        GateSnapshot edited = new GateSnapshot(
                real.gateId(),
                real.policy(),
                real.policyDigest(),
                SHA,
                real.parties(),
                real.openedAt(),
                real.deadline(),
                real.state(),
                decisions,
                real.closedAt(),
                real.closedBy(),
                real.closeReason());

        Evaluation evaluation = evaluate(production(), List.of(edited));

        assertEquals(List.of(Precondition.APPROVALS), failing(evaluation));
        assertThat(log.get(0), containsString("number of decisions: build.xml '3', ledger '2'"));
    }

    @Test
    public void aStoredGateTheLedgerNeverRecordedIsReportedAndIgnored() throws Exception {
        signed();
        // Approved by the book, but never through requireApprovals: nothing of it is in the ledger.
        GateSnapshot invented = PromotionFixtures.approvedGate(effective(production()), SHA, clock);

        Evaluation evaluation = evaluate(production(), List.of(invented));

        assertEquals(List.of(Precondition.APPROVALS), failing(evaluation));
        assertThat(evaluation.failures().get(0).message(), containsString("this run has no requireApprovals gate"));
        assertThat(log.get(0), containsString("'approve-prod' stored in build.xml is not in the controller's ledger"));
    }

    // --- The latest decision wins ---

    @Test
    public void aRejectionAfterAnApprovedGateForTheSameArtifactBlocksThePromotion() throws Exception {
        signed();
        GateSnapshot first = approved(production(), "approve-prod", "");
        GateSnapshot veto = rejected(production(), "approve-prod-2", SHA);

        Evaluation evaluation = evaluate(production(), List.of(first, veto));

        assertEquals(evaluation.report(), List.of(Precondition.APPROVALS), failing(evaluation));
        assertThat(
                evaluation.failures().get(0).message(),
                containsString("gate 'approve-prod-2' for production is" + " REJECTED"));
        assertEquals(List.of(), log);
    }

    @Test
    public void aRejectionRemovedFromBuildXmlStillBlocksBecauseTheLedgerHasIt() throws Exception {
        signed();
        GateSnapshot first = approved(production(), "approve-prod", "");
        rejected(production(), "approve-prod-2", SHA);

        Evaluation evaluation = evaluate(production(), List.of(first));

        assertEquals(evaluation.report(), List.of(Precondition.APPROVALS), failing(evaluation));
        String message = evaluation.failures().get(0).message();
        assertThat(message, containsString("gate 'approve-prod-2' for production is REJECTED in the ledger"));
        // And the approved gate, now the newest usable one, is overruled in so many words:
        ApprovalsPrecondition.Outcome approvedOnly = ApprovalsPrecondition.check(
                effective(production()),
                RecordedApprovals.read(List.of(first), audit.ledgerEvents(RUN))
                        .gates()
                        .subList(0, 1),
                PromotionFixtures.release("dist/app.tar.gz", "1.4.0", SHA),
                false,
                clock.instant());
        assertFalse(approvedOnly.result().passed());
        assertThat(
                approvedOnly.result().message(),
                containsString("was overruled later for the same release: rejected by carol at"));
        assertThat(approvedOnly.result().remedy(), containsString("the latest decision wins"));
        assertThat(log.get(0), containsString("'approve-prod-2' is in the ledger (REJECTED) but build.xml holds no"));
    }

    @Test
    public void anApprovalReGivenWithTheRequiredCommentAfterARejectionCounts() throws Exception {
        signed();
        Environment production = production().toBuilder()
                .approvalRules(List.of(new ApprovalRule("leads", Set.of(), Set.of("leads"), 2, true)))
                .build();
        GateSnapshot veto = rejected(production, "approve-prod", SHA);
        ApprovalGate uncommented = open(production, "approve-prod-2", SHA);
        assertThrows(
                DecisionRefusedException.class,
                () -> uncommented.approve(
                        lead("ann"), "", SHA, uncommented.snapshot().policyDigest()));
        GateSnapshot again = approved(production, "approve-prod-3", "migration reviewed, see CHG-42");

        Evaluation evaluation = evaluate(production, List.of(veto, again));

        assertTrue(evaluation.report(), evaluation.passed());
        assertEquals("approve-prod-3", evaluation.approvals().orElseThrow().gateId());
    }

    @Test
    public void aRejectionOfAnotherArtifactDoesNotBlock() throws Exception {
        signed();
        GateSnapshot first = approved(production(), "approve-prod", "");
        GateSnapshot other = rejected(
                production(),
                "approve-prod-2",
                ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "0".repeat(64), "test digest"));

        Evaluation evaluation = evaluate(production(), List.of(first, other));

        assertTrue(evaluation.report(), evaluation.passed());
    }
}
