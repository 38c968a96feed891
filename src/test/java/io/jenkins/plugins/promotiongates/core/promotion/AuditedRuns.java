package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateEvents;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.RunChain;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvents;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A real audit ledger in a temporary directory, with runs recording what the steps record. */
final class AuditedRuns implements AutoCloseable {

    private static final KeyPair KEY = key();

    private final Path base;
    private final Clock clock;
    private AuditService service;

    AuditedRuns(Path base, Clock clock) throws Exception {
        this.base = base;
        this.clock = clock;
        this.service = open();
    }

    private AuditService open() throws Exception {
        return AuditService.open(
                base.resolve("ledger"),
                KEY,
                LedgerOptions.defaults(),
                clock,
                (job, build) -> Optional.of(directory(job, build)));
    }

    AuditService service() {
        return service;
    }

    /** The controller's public key, as Manage Jenkins shows it (PEM). */
    static String publicKeyPem() {
        return io.jenkins.plugins.promotiongates.core.audit.PublicKeys.toPem(KEY.getPublic());
    }

    /** Closes and reopens the ledger, as a controller restart does. */
    void restart() throws Exception {
        service.close();
        service = open();
    }

    RunRef run(RunRef run) throws Exception {
        Path directory = directory(run.job(), run.build());
        Files.createDirectories(directory);
        return run.withDirectory(directory);
    }

    void record(RunRef run, EventDraft draft) throws Exception {
        service.record(run(run), draft);
    }

    RunChain chain(RunRef run) throws Exception {
        return service.runChain(run(run));
    }

    /** Staging received {@code digest} as app.tar.gz 1.4.0 from an earlier run, 25 hours before {@code now}. */
    void stagingHolds(ArtifactDigest digest, java.time.Instant now) throws Exception {
        stagingHolds(digest, 11, now);
    }

    /** Staging received the one-file release of {@code app.tar.gz} 1.4.0 of {@code size} bytes 25 hours ago. */
    void stagingHolds(ArtifactDigest digest, long size, java.time.Instant now) throws Exception {
        PromotionRecord staging = new PromotionRecord(
                "staging",
                "",
                PromotionFixtures.release("app.tar.gz", "1.4.0", digest, size),
                "shop/main#1",
                "",
                now.minus(java.time.Duration.ofHours(25)),
                "record-only:",
                true,
                false,
                false,
                java.util.List.of(),
                java.util.List.of(),
                "",
                null,
                null);
        record(
                new RunRef("shop/main", 40, "job/shop/job/main/40/"),
                EventDraft.of(io.jenkins.plugins.promotiongates.core.event.EventTypes.PROMOTION_COMPLETED, "SYSTEM")
                        .withEnvironment("staging")
                        .withDetails(PromotionRecordJson.toTree(staging)));
    }

    /** The run's events as the ledger holds them, as {@code promoteArtifact} reads them. */
    LedgerEvents ledgerEvents(RunRef run) throws Exception {
        return service.ledgerEvents(run(run));
    }

    /**
     * Records the events {@code requireApprovals} records over the life of {@code gate} (its final
     * state): opened, each decision, expired approvals and the closing; returns the gate.
     */
    GateSnapshot recordGate(RunRef run, GateSnapshot gate) throws Exception {
        record(run, GateEvents.requested(gate, "deploy?"));
        for (Decision decision : gate.decisions()) {
            record(run, GateEvents.decided(gate, decision));
        }
        if (gate.state().isClosed()) {
            for (EventDraft expired : GateEvents.expired(gate)) {
                record(run, expired);
            }
            record(run, GateEvents.closed(gate));
        }
        return gate;
    }

    /** What {@code verifySignature} records for a verified signature: the step's own event, from a verdict. */
    static EventDraft signatureVerified(String artifact, long size, ArtifactDigest digest, String trustedKey) {
        Verification verdict = new Verification(
                true,
                SignatureFormat.OPENPGP,
                "Ed25519",
                digest,
                size,
                "ABCD 1234",
                trustedKey,
                "Release Team <release@example.com>",
                List.of("the key expires in 10 days"),
                "");
        return SignatureEvents.of(verdict, artifact, artifact + ".asc", "", "");
    }

    private Path directory(String job, long build) {
        return base.resolve("runs").resolve(job.replace('/', '_') + "-" + build);
    }

    private static KeyPair key() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}
