package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.policy.WeeklyWindow;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** The dev → staging → production policy the promotion tests share, and helpers to act in it. */
final class PromotionFixtures {

    static final IdNormalizer IDS = IdNormalizer.caseInsensitive();
    static final PolicyTightener TIGHTENER = new PolicyTightener(IDS, GroupDirectory.NONE);
    /** A Monday, 10:00 UTC: inside production's change window. */
    static final Instant MONDAY_10 = Instant.parse("2025-06-02T10:00:00Z");

    static final RunRef RUN = new RunRef("shop/main", 42, "job/shop/job/main/42/");

    private PromotionFixtures() {}

    static Environment production() {
        return Environment.builder("production")
                .promotedFrom("staging")
                .rule(new ApprovalRule("leads", Set.of(), Set.of("leads"), 2, false))
                .signature(SignatureRequirement.of(Set.of("release-key")))
                .allowedBranches("main", "release/**")
                .changeWindows(List.of(new WeeklyWindow(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))))
                .soakTime(Duration.ofHours(24))
                .build();
    }

    static PromotionPolicy policy(Environment production) {
        return new PromotionPolicy(List.of(
                Environment.builder("dev").build(),
                Environment.builder("staging").promotedFrom("dev").build(),
                production));
    }

    static EffectivePolicy effective(Environment environment) {
        return TIGHTENER.effective(environment, Tightening.NONE);
    }

    /** A production gate approved by two leads at {@code clock}'s time, bound to {@code sha256}. */
    static GateSnapshot approvedGate(EffectivePolicy policy, ArtifactDigest sha256, Clock clock) {
        ApprovalGate gate =
                ApprovalGate.open("approve-prod", policy, sha256, RunParties.of(IDS, "sam", List.of()), clock);
        String digest = gate.snapshot().policyDigest();
        gate.approve(lead("ann"), "", sha256, digest);
        gate.approve(lead("bob"), "", sha256, digest);
        return gate.snapshot();
    }

    /**
     * Gates as {@link RecordedApprovals} passes them on when the ledger confirms every stored copy and
     * no later rejection overrules any: for tests of the other gates. {@code LedgerEvidenceTest} reads
     * them from a real ledger.
     */
    static List<LedgerGate> confirmed(List<GateSnapshot> gates) {
        return gates.stream()
                .map(gate -> new LedgerGate(
                        gate.gateId(), gate.policy().name(), gate.state().name(), gate, "", ""))
                .toList();
    }

    static Approver lead(String id) {
        return Approver.of(IDS, id, List.of("leads"));
    }

    static VerifiedSignature signature(String trustedKey, ArtifactDigest sha256) {
        return new VerifiedSignature(
                trustedKey,
                new Verification(
                        true,
                        SignatureFormat.OPENPGP,
                        "Ed25519",
                        sha256,
                        11,
                        "ABCD 1234",
                        trustedKey,
                        "Release Team <release@example.com>",
                        List.of(),
                        ""));
    }

    /** The application every fixture promotes. */
    static final String APPLICATION = "shop";

    /** A one-file release of {@link #APPLICATION} of 11 bytes. */
    static Release release(String artifact, String version, ArtifactDigest sha256) {
        return release(artifact, version, sha256, 11);
    }

    /** A one-file release of {@link #APPLICATION}: the file named as the last segment of {@code artifact}. */
    static Release release(String artifact, String version, ArtifactDigest sha256, long size) {
        String name = artifact.substring(artifact.lastIndexOf('/') + 1);
        return Release.of(APPLICATION, version, new ReleaseFile(name, sha256, size));
    }

    static PromotionRecord record(
            String environment, String artifact, String version, ArtifactDigest sha256, Instant time) {
        return new PromotionRecord(
                environment,
                "",
                release(artifact, version, sha256),
                "shop/main#1",
                "",
                time,
                "record-only:",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "",
                EnvironmentSnapshot.EMPTY,
                SnapshotDrift.BASELINE);
    }

    static ArtifactDigest digest(Path file) throws IOException {
        return ArtifactDigest.of(DigestAlgorithm.SHA256, sha256(Files.readAllBytes(file)));
    }

    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether {@code environment} holds now a release of {@link #APPLICATION} with a file of {@code fileDigest}. */
    static boolean holdsFile(Inventory inventory, String environment, ArtifactDigest fileDigest) {
        return inventory
                .current(APPLICATION, environment)
                .filter(record -> record.release().files().stream()
                        .anyMatch(file -> file.digest().matches(fileDigest)))
                .isPresent();
    }

    /** The release digest of what {@code environment} holds now of {@link #APPLICATION}. */
    static ArtifactDigest held(Inventory inventory, String environment) {
        return inventory.current(APPLICATION, environment).orElseThrow().digest();
    }
}
