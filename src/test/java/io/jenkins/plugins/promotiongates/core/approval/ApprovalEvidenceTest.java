package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.person;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.security;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.Verdict;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class ApprovalEvidenceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    private ApprovalGate gate() {
        return ApprovalGate.open(
                "approve-prod", Gates.effective(production()), ARTIFACT, RunParties.of(IDS, "sam", List.of()), clock);
    }

    private ApprovalGate approved() {
        ApprovalGate gate = gate();
        String policy = gate.snapshot().policyDigest();
        gate.approve(lead("ann"), "", ARTIFACT, policy);
        clock.advance(Duration.ofHours(2));
        gate.approve(lead("bob"), "", ARTIFACT, policy);
        gate.approve(security("sue"), "ok", ARTIFACT, policy);
        return gate;
    }

    /** A one-file release of the file {@code digest}: approvals bound to the file's digest approve it. */
    private static Release release(ArtifactDigest digest) {
        return Release.of("shop", "1.4.0", new ReleaseFile("app.tar.gz", digest, 11));
    }

    @Test
    public void validApprovalsForTheSameDigestHold() {
        Verdict verdict = ApprovalEvidence.check(approved().snapshot(), release(ARTIFACT), clock.instant());
        assertTrue(verdict.message(), verdict.passed());
        assertThat(verdict.message(), containsString("3 of 3 valid approvals for production"));
    }

    @Test
    public void approvalsExpireBeforePromotion() {
        GateSnapshot gate = approved().snapshot();
        Instant annExpires = Instant.parse("2025-06-03T09:00:00Z");
        assertTrue(ApprovalEvidence.check(gate, release(ARTIFACT), annExpires.minusSeconds(1))
                .passed());
        Verdict late = ApprovalEvidence.check(gate, release(ARTIFACT), annExpires);
        assertFalse(late.passed());
        assertThat(
                late.message(),
                containsString("only 2 of 3 approvals for production are still valid;"
                        + " environments[production].approvalValidity is 1d and 1 approval(s) expired"));
    }

    @Test
    public void approvalsAreBoundToTheirDigest() {
        Verdict other = ApprovalEvidence.check(approved().snapshot(), release(Gates.OTHER_ARTIFACT), clock.instant());
        assertFalse(other.passed());
        assertThat(other.message(), containsString("approvals are bound to a digest"));
    }

    @Test
    public void aGateThatDidNotLetTheRunThroughHoldsNothing() {
        ApprovalGate waiting = gate();
        assertThat(
                ApprovalEvidence.check(waiting.snapshot(), release(ARTIFACT), clock.instant())
                        .message(),
                containsString("is WAITING"));
        waiting.reject(lead("ann"), "no", ARTIFACT, waiting.snapshot().policyDigest());
        assertFalse(ApprovalEvidence.check(waiting.snapshot(), release(ARTIFACT), clock.instant())
                .passed());
    }

    @Test
    public void brokenGlassHoldsAndSaysSo() {
        ApprovalGate gate = gate();
        gate.breakGlass(person("root"), "INC-1", ARTIFACT, gate.snapshot().policyDigest());
        clock.advance(Duration.ofDays(30));
        Verdict verdict = ApprovalEvidence.check(gate.snapshot(), release(ARTIFACT), clock.instant());
        assertTrue(verdict.passed());
        assertThat(verdict.message(), containsString("BROKEN GLASS"));
    }
}
