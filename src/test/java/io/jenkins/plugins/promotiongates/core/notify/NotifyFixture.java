package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.Deciders;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A production gate of shop 1.4.0: rule "leads" needs 2 of ann, bob, sam, carl or group leads; sam
 * started the run, carl authored its changes; dave is in no rule.
 */
final class NotifyFixture {

    static final IdNormalizer IDS = IdNormalizer.caseInsensitive();
    static final Instant OPENED = Instant.parse("2026-12-06T09:00:00Z");
    static final ArtifactDigest FILE_DIGEST = ArtifactDigest.parse(
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");
    static final RunLocation RUN = new RunLocation(
            "shop",
            42,
            "https://ci.example.com/job/shop/42/",
            "https://ci.example.com/job/shop/42/approvals/production/");

    static final Approver ANN = Approver.of(IDS, "ann", List.of());
    static final Approver BOB = Approver.of(IDS, "bob", List.of());
    static final Approver SAM = Approver.of(IDS, "sam", List.of());
    static final Approver CARL = Approver.of(IDS, "carl", List.of());
    static final Approver DAVE = Approver.of(IDS, "dave", List.of("developers"));
    static final Approver LENA = Approver.of(IDS, "lena", List.of("leads"));
    static final List<Approver> EVERYONE = List.of(ANN, BOB, SAM, CARL, DAVE, LENA);

    private NotifyFixture() {}

    static ApprovalSubject subject() {
        return ApprovalSubject.of(Release.of("shop", "1.4.0", new ReleaseFile("shop.tar.gz", FILE_DIGEST, 1234)));
    }

    static ApprovalGate gate(Clock clock) {
        Environment production = Environment.builder("production")
                .rule(new ApprovalRule("leads", Set.of("ann", "bob", "sam", "carl"), Set.of("leads"), 2, false))
                .gateTimeout(Duration.ofDays(1))
                .build();
        return ApprovalGate.open(
                "production",
                new PolicyTightener(IDS, GroupDirectory.NONE).effective(production, Tightening.NONE),
                subject().digest(),
                RunParties.of(IDS, "sam", List.of("carl")),
                clock);
    }

    static Clock clock() {
        return Clock.fixed(OPENED, ZoneOffset.UTC);
    }

    static GateNotice notice(GateEvent event, GateSnapshot gate, Decision decision) {
        List<String> deciders =
                Deciders.among(gate, EVERYONE).stream().map(Approver::userId).toList();
        return GateNotice.of(event, gate, subject(), RUN, "Ship it?", "0 of 2", decision, deciders, gate.openedAt());
    }
}
