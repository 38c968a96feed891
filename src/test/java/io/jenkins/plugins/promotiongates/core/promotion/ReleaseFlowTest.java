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
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateEvents;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.LocalFileTree;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.release.ApprovalBinding;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.release.ReadRelease;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.release.ReleaseReader;
import io.jenkins.plugins.promotiongates.core.release.ReleaseSource;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verification.VerificationService;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Engine twin of the multi-file and {@code archived:} scenarios of {@code PromoteArtifactStepJenkinsTest}:
 * the whole chain with the values each step really produces. Three files are signed with openssl;
 * {@code verifySignature} verifies each over the bytes read from the run's archived artifacts;
 * {@code requireApprovals archived: 'dist/*', version: '1.4.0'} reads the release and binds the gate to its
 * release digest, which two leads approve as the page shows it; {@code promoteArtifact archived: 'dist/*'}
 * reads the release again, and the promotion is published, recorded and shown in the inventory of its
 * application.
 */
public class ReleaseFlowTest {

    private static final List<String> FILES = List.of("api.tar.gz", "sbom.json", "web.tar.gz");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(MONDAY_10);
    private final RunRef run = new RunRef("shop/main", 42, "job/shop/job/main/42/");
    private LocalFileTree archived;
    private TrustedKey releaseKey;
    private AuditedRuns audit;
    private Path repositoryRoot;

    @Before
    public void signAndArchiveThreeFiles() throws Exception {
        Path artifacts = tmp.newFolder("archive").toPath();
        sh(artifacts, """
                mkdir dist sig
                printf 'api 1.4.0\\n' > dist/api.tar.gz
                printf 'web 1.4.0\\n' > dist/web.tar.gz
                printf '{"bomFormat":"CycloneDX"}\\n' > dist/sbom.json
                openssl genpkey -algorithm ed25519 -out ../release.pem
                openssl pkey -in ../release.pem -pubout -out ../release.pub
                for f in api.tar.gz web.tar.gz sbom.json; do
                  openssl pkeyutl -sign -inkey ../release.pem -rawin -in dist/$f -out sig/$f.sig
                done
                """);
        releaseKey = new TrustedKey("release-key", Files.readAllBytes(artifacts.resolveSibling("release.pub")));
        archived = new LocalFileTree(artifacts, "the run's archived artifacts");
        audit = new AuditedRuns(tmp.newFolder("home").toPath(), clock);
        repositoryRoot = tmp.newFolder("releases").toPath();
        stagingHolds(readArchived("1.4.0").release());
    }

    @After
    public void closeLedger() throws Exception {
        audit.close();
    }

    private ReadRelease readArchived(String version) throws Exception {
        return new ReleaseReader()
                .read("shop", version, ReleaseSource.required("promoteArtifact", "", "", "dist/*"), archived);
    }

    /** An earlier run promoted the same release to staging 25 hours ago. */
    private void stagingHolds(Release release) throws Exception {
        PromotionRecord staging = new PromotionRecord(
                "staging",
                "",
                release,
                "shop/main#40",
                "job/shop/job/main/40/",
                MONDAY_10.minus(Duration.ofHours(25)),
                "record-only:shop/1.4.0",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "",
                null,
                null);
        audit.record(
                new RunRef("shop/main", 40, "job/shop/job/main/40/"),
                EventDraft.of(EventTypes.PROMOTION_COMPLETED, "SYSTEM")
                        .withEnvironment("staging")
                        .withDetails(PromotionRecordJson.toTree(staging)));
    }

    /** verifySignature, once per file, over the archived bytes the controller reads. */
    private void verifySignatures(List<String> names) throws Exception {
        for (String name : names) {
            Verification verdict = new VerificationService(SignatureVerifiers.standard())
                    .verify(
                            archived,
                            VerificationRequest.forArtifact("dist/" + name)
                                    .signature("sig/" + name + ".sig")
                                    .format(SignatureFormat.RAW)
                                    .build(),
                            List.of(releaseKey),
                            AlgorithmPolicy.DEFAULT)
                    .verification();
            assertTrue(verdict.toString(), verdict.verified());
            audit.record(run, SignatureEvents.of(verdict, "dist/" + name, "sig/" + name + ".sig", "", ""));
        }
    }

    /**
     * requireApprovals archived: 'dist/*', version: '1.4.0': binds the gate to the release digest; two leads
     * approve the digest the page shows; every event is recorded as the step records it.
     */
    private GateSnapshot requireApprovals() throws Exception {
        ApprovalBinding binding = ApprovalBinding.of("", "", "dist/*", "", "1.4.0");
        ApprovalSubject subject = ApprovalSubject.of(new ReleaseReader()
                .read("shop", binding.version(), binding.source(), archived)
                .release());
        ApprovalGate gate = ApprovalGate.open(
                "approve-prod", effective(production()), subject.digest(), RunParties.of(IDS, "sam", List.of()), clock);
        audit.record(run, GateEvents.requested(gate.snapshot(), "Release 1.4.0?", subject));
        for (String lead : List.of("ann", "bob")) {
            gate.approve(
                    lead(lead),
                    "ok",
                    ArtifactDigest.parse(ArtifactDigest.text(gate.snapshot().artifactDigest()), "artifactDigest"),
                    gate.snapshot().policyDigest());
            List<Decision> decisions = gate.snapshot().decisions();
            audit.record(run, GateEvents.decided(gate.snapshot(), decisions.get(decisions.size() - 1)));
        }
        audit.record(run, GateEvents.closed(gate.snapshot()));
        return gate.snapshot();
    }

    /** promoteArtifact archived: 'dist/*': reads the release again, the signatures and gates from the ledger. */
    private PromotionOutcome promoteArtifact(String version, GateSnapshot gate) throws Exception {
        ReadRelease read = readArchived(version);
        LedgerEvents ledger = audit.ledgerEvents(run);
        PromotionRequest request = new PromotionRequest(
                read.release(),
                "staging",
                "production",
                run,
                "main",
                RecordedSignatures.read(ledger).signatures(),
                RecordedApprovals.read(List.of(gate), ledger).gates(),
                EnvironmentSnapshot.EMPTY);
        PromotionOutcome outcome = new PromotionService(
                        PromotionFixtures.policy(production()), PromotionFixtures.TIGHTENER, clock)
                .promote(
                        request,
                        read,
                        PromotionEvents.inventory(audit.service()).inventory(),
                        new FileSystemRepository(repositoryRoot));
        for (EventDraft draft : PromotionEvents.drafts(outcome, "sam")) {
            audit.record(run, draft);
        }
        return outcome;
    }

    private List<AuditEvent> events() throws Exception {
        return audit.chain(run).events();
    }

    @Test
    public void threeSignedArchivedFilesApprovedAsOneReleaseArePromotedAndShownPerApplication() throws Exception {
        verifySignatures(FILES);
        GateSnapshot gate = requireApprovals();
        clock.advance(Duration.ofMinutes(5));

        PromotionOutcome outcome = promoteArtifact("1.4.0", gate);

        assertEquals(
                outcome.reasons() + " " + outcome.evaluation().report(),
                PromotionOutcome.Status.COMPLETED,
                outcome.status());
        Release release = outcome.record().orElseThrow().release();
        assertEquals(release.digest(), gate.artifactDigest());
        assertEquals(FILES, release.files().stream().map(ReleaseFile::name).toList());
        assertEquals(3, outcome.record().orElseThrow().signatures().size());
        Map<String, ArtifactDigest> stored = new FileSystemRepository(repositoryRoot).stored(release);
        for (ReleaseFile file : release.files()) {
            assertEquals(file.name(), file.digest(), stored.get(file.name()));
        }
        AuditEvent requested = events().stream()
                .filter(event -> event.type().equals(EventTypes.APPROVAL_REQUESTED))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "1.4.0",
                requested.get("details").path("release").path("version").asText());
        assertEquals(3, requested.get("details").path("release").path("files").size());
        assertEquals(
                release.digest().toString(),
                requested.get("details").path("artifactDigest").asText());

        audit.restart();
        Inventory inventory = PromotionEvents.inventory(audit.service()).inventory();
        assertEquals(
                release, inventory.current("shop", "production").orElseThrow().release());
        assertEquals(Optional.of(release), inventory.release(release.digest()));
        List<ApplicationHoldings> page =
                ApplicationHoldings.of(inventory, List.of("dev", "staging", "production"), record -> true, 25);
        assertEquals(
                List.of("shop"),
                page.stream().map(ApplicationHoldings::application).toList());
        assertEquals(
                List.of("staging", "production"),
                page.get(0).environments().stream()
                        .map(ApplicationHoldings.Holding::environment)
                        .toList());
    }

    @Test
    public void oneUnsignedFileRefusesTheWholeReleaseNamingItAndNothingIsStored() throws Exception {
        verifySignatures(List.of("api.tar.gz", "web.tar.gz"));
        GateSnapshot gate = requireApprovals();

        PromotionOutcome outcome = promoteArtifact("1.4.0", gate);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        String report = outcome.evaluation().report();
        assertThat(report, containsString("1 of 3 files of the release lack a trusted signature"));
        assertThat(report, containsString("no signature over sbom.json"));
        assertThat(report, containsString("[ok]   approvals"));
        try (var files = Files.walk(repositoryRoot)) {
            assertEquals(
                    List.of(),
                    new ArrayList<>(files.filter(Files::isRegularFile).toList()));
        }
    }

    @Test
    public void approvalsOfOneVersionDoNotApproveTheSameFilesAsAnother() throws Exception {
        verifySignatures(FILES);
        GateSnapshot gate = requireApprovals();

        PromotionOutcome outcome = promoteArtifact("1.4.1", gate);

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        PreconditionResult approvals = outcome.evaluation().failures().stream()
                .filter(result -> result.precondition() == Precondition.APPROVALS)
                .findFirst()
                .orElseThrow();
        assertThat(approvals.message(), containsString(gate.artifactDigest().toString()));
        assertThat(
                approvals.message(),
                containsString(readArchived("1.4.1").release().digest().toString()));
    }
}
