package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.IDS;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.effective;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.lead;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.production;
import static io.jenkins.plugins.promotiongates.core.signature.ExternalTool.sh;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.cli.PromotionGatesCli;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateEvents;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.PipedWorkspace;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.artifact.Workspace;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verification.VerificationService;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The whole chain of one release, as the three steps run it on the controller, with the values each
 * step really produces: verifySignature verifies a real {@code openssl} Ed25519 signature over bytes
 * streamed from another process (the agent), requireApprovals binds its gate to the digest the
 * controller computed, two leads approve the digest the gate page shows, promoteArtifact hashes the
 * bytes again, reads the signature back from the audit, promotes, and the run's audit bundle verifies
 * with the command-line verifier. Then the attacks on its joints.
 */
public class TrustChainTest {

    private static final String ARTIFACT = "dist/app.tar.gz";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(MONDAY_10);
    private final RunRef run = new RunRef("shop/main", 42, "job/shop/job/main/42/");
    private Path workspace;
    private TrustedKey releaseKey;
    private AuditedRuns audit;
    private Path repositoryRoot;

    @Before
    public void signAReleaseWithOpenssl() throws Exception {
        workspace = tmp.newFolder("ws").toPath();
        sh(workspace, """
                mkdir dist
                printf 'release 1.4.0\\n' > dist/app.tar.gz
                printf 'release 6.6.6\\n' > dist/evil.tar.gz
                openssl genpkey -algorithm ed25519 -out ../release.pem
                openssl pkey -in ../release.pem -pubout -out ../release.pub
                openssl pkeyutl -sign -inkey ../release.pem -rawin -in dist/app.tar.gz -out dist/app.tar.gz.sig
                """);
        releaseKey = new TrustedKey("release-key", Files.readAllBytes(workspace.resolveSibling("release.pub")));
        audit = new AuditedRuns(tmp.newFolder("home").toPath(), clock);
        repositoryRoot = tmp.newFolder("releases").toPath();
        audit.stagingHolds(
                PromotionFixtures.digest(workspace.resolve(ARTIFACT)),
                Files.size(workspace.resolve(ARTIFACT)),
                MONDAY_10);
    }

    @After
    public void closeLedger() throws Exception {
        audit.close();
    }

    /** verifySignature: verifies on the controller over streamed bytes and records the verdict. */
    private Verification verifySignature(Workspace agent) throws Exception {
        Verification verdict = new VerificationService(SignatureVerifiers.standard())
                .verify(
                        agent,
                        io.jenkins.plugins.promotiongates.core.signature.VerificationRequest.forArtifact(ARTIFACT)
                                .signature(ARTIFACT + ".sig")
                                .format(SignatureFormat.RAW)
                                .build(),
                        List.of(releaseKey),
                        AlgorithmPolicy.DEFAULT)
                .verification();
        audit.record(run, SignatureEvents.of(verdict, ARTIFACT, ARTIFACT + ".sig", "", ""));
        return verdict;
    }

    /** What requireApprovals and promoteArtifact compute: the digest of the bytes the controller reads. */
    private static ArtifactDigest controllerDigest(Workspace agent) throws Exception {
        return new StreamingDigester()
                .digest(agent.file(ARTIFACT), EnumSet.of(DigestAlgorithm.SHA256))
                .sha256();
    }

    /** requireApprovals: opens the gate on the controller's digest; two leads approve what the page shows. */
    private GateSnapshot requireApprovals(Workspace agent) throws Exception {
        ApprovalGate gate = ApprovalGate.open(
                "approve-prod",
                effective(production()),
                controllerDigest(agent),
                RunParties.of(IDS, "sam", List.of()),
                clock);
        audit.record(run, GateEvents.requested(gate.snapshot(), "Release 1.4.0?"));
        for (String lead : List.of("ann", "bob")) {
            String shown = ArtifactDigest.text(gate.snapshot().artifactDigest()); // the form's hidden field
            gate.approve(
                    lead(lead),
                    "ok",
                    ArtifactDigest.parse(shown, "artifactDigest"),
                    gate.snapshot().policyDigest());
            List<Decision> decisions = gate.snapshot().decisions();
            audit.record(run, GateEvents.decided(gate.snapshot(), decisions.get(decisions.size() - 1)));
        }
        audit.record(run, GateEvents.closed(gate.snapshot()));
        return gate.snapshot();
    }

    /** promoteArtifact: hashes again on the controller, reads signatures back from the audit, promotes. */
    private PromotionOutcome promoteArtifact(Workspace agent, GateSnapshot gate) throws Exception {
        ArtifactDigest digest = controllerDigest(agent);
        LedgerEvents ledger = audit.ledgerEvents(run);
        PromotionRequest request = new PromotionRequest(
                PromotionFixtures.release(ARTIFACT, "1.4.0", digest, Files.size(workspace.resolve(ARTIFACT))),
                "staging",
                "production",
                run,
                "main",
                RecordedSignatures.read(ledger).signatures(),
                RecordedApprovals.read(List.of(gate), ledger).gates(),
                EnvironmentSnapshot.EMPTY);
        ArtifactContent content = agent.file(ARTIFACT);
        PromotionOutcome outcome = new PromotionService(
                        PromotionFixtures.policy(production()), PromotionFixtures.TIGHTENER, clock)
                .promote(
                        request,
                        file -> content,
                        PromotionEvents.inventory(audit.service()).inventory(),
                        new FileSystemRepository(repositoryRoot));
        for (EventDraft draft : PromotionEvents.drafts(outcome, "sam")) {
            audit.record(run, draft);
        }
        return outcome;
    }

    /** Runs {@code verify-audit} as an auditor does: another JVM, the bundle and the controller's key. */
    private int verifyAuditWithTheCli(ByteArrayOutputStream out) throws Exception {
        Path bundle = tmp.getRoot().toPath().resolve("bundle.json");
        Files.write(bundle, audit.service().bundle(audit.run(run)));
        Path key = tmp.getRoot().toPath().resolve("controller.pem");
        Files.writeString(key, AuditedRuns.publicKeyPem());
        Process cli = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PromotionGatesCli.class.getName(),
                        "verify-audit",
                        bundle.toString(),
                        "--key",
                        key.toString())
                .redirectErrorStream(true)
                .start();
        cli.getInputStream().transferTo(out);
        return cli.waitFor();
    }

    @Test
    public void verifyTwoApprovalsPromoteAndTheBundleVerifies() throws Exception {
        PipedWorkspace agent = PipedWorkspace.honest(workspace);

        Verification verdict = verifySignature(agent);
        GateSnapshot gate = requireApprovals(agent);
        PromotionOutcome outcome = promoteArtifact(agent, gate);

        assertTrue(verdict.failure(), verdict.verified());
        String sha256sum = sh(workspace, "sha256sum dist/app.tar.gz").substring(0, 64);
        assertEquals("sha256:" + sha256sum, verdict.artifactDigest().toString());
        assertEquals(verdict.artifactDigest(), gate.artifactDigest());
        assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
        assertEquals(sha256sum, PromotionFixtures.sha256(repositoryRoot.resolve("shop/1.4.0/app.tar.gz")));
        Map<?, ?> file = (Map<?, ?>) ((List<?>) PromotionStepResult.of(outcome).get("files")).get(0);
        assertEquals("sha256:" + sha256sum, file.get("digest"));
        assertEquals(
                outcome.evaluation().digest().toString(),
                PromotionStepResult.of(outcome).get("digest"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, verifyAuditWithTheCli(out));
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("verified: 7 events of shop/main #42"));
    }

    @Test
    public void anAgentThatSendsOtherBytesWhenPromotingIsRefusedAndNothingIsPublished() throws Exception {
        // Honest while verified and approved; at the promotion's read it sends other bytes.
        PipedWorkspace agent = PipedWorkspace.lying(workspace, ARTIFACT, read -> read >= 2 ? "dist/evil.tar.gz" : null);
        assertTrue(verifySignature(agent).verified());
        GateSnapshot gate = requireApprovals(agent);

        PromotionOutcome outcome = promoteArtifact(agent, gate);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        List<Precondition> failed = outcome.evaluation().failures().stream()
                .map(PreconditionResult::precondition)
                .toList();
        assertTrue(
                failed.toString(),
                failed.containsAll(List.of(Precondition.PATH, Precondition.SIGNATURE, Precondition.APPROVALS)));
        assertThat(outcome.evaluation().report(), containsString("approved digest '" + gate.artifactDigest()));
        assertFalse(Files.exists(repositoryRoot.resolve("shop")));
    }

    @Test
    public void anAgentCannotMakeOtherBytesVerify() throws Exception {
        // It sends other bytes while the signature is verified: the verdict is about those bytes.
        PipedWorkspace agent = PipedWorkspace.lying(workspace, ARTIFACT, read -> "dist/evil.tar.gz");

        Verification verdict = verifySignature(agent);

        assertFalse(verdict.verified());
        assertEquals(PromotionFixtures.digest(workspace.resolve("dist/evil.tar.gz")), verdict.artifactDigest());
        assertEquals(List.of(EventTypes.SIGNATURE_FAILED), eventTypes());
    }

    @Test
    public void aFileChangedBetweenVerificationAndPromotionIsRefused() throws Exception {
        PipedWorkspace agent = PipedWorkspace.honest(workspace);
        assertTrue(verifySignature(agent).verified());
        GateSnapshot gate = requireApprovals(agent);
        Files.writeString(workspace.resolve(ARTIFACT), "release 1.4.0 with a backdoor\n");

        PromotionOutcome outcome = promoteArtifact(agent, gate);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertThat(outcome.evaluation().report(), containsString("no signature over app.tar.gz (sha256:"));
        assertFalse(Files.exists(repositoryRoot.resolve("shop")));
    }

    private List<String> eventTypes() throws Exception {
        List<String> types = new ArrayList<>();
        audit.chain(run).events().forEach(event -> types.add(event.type()));
        return types;
    }
}
