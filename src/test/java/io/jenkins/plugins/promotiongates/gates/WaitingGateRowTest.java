package io.jenkins.plugins.promotiongates.gates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
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
import org.junit.Test;

/**
 * What the pending lists show of a waiting gate, and what the confirmation page posts; the parts that need
 * no controller (the pages themselves: {@code PendingApprovalsJenkinsTest}, {@code GatePageJenkinsTest}).
 */
public class WaitingGateRowTest {

    private static final ArtifactDigest FILE = ArtifactDigest.parse(
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");

    private static GatePage page(ApprovalSubject subject) {
        IdNormalizer ids = IdNormalizer.caseInsensitive();
        Environment staging = Environment.builder("staging")
                .rule(new ApprovalRule("release", Set.of("alice", "bob"), Set.of(), 1, false))
                .gateTimeout(Duration.ofHours(4))
                .build();
        ApprovalGate gate = ApprovalGate.open(
                "staging",
                new PolicyTightener(ids, GroupDirectory.NONE).effective(staging, Tightening.NONE),
                subject == null ? null : subject.digest(),
                RunParties.of(ids, "Sam", List.of()),
                Clock.fixed(Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC));
        return new GatePage(null, gate.snapshot(), "Ship it", subject);
    }

    @Test
    public void aRowSaysWhatIsReleasedWhoAskedSinceWhenAndUntilWhen() {
        ApprovalSubject release =
                ApprovalSubject.of(Release.of("shop", "1.4.0", new ReleaseFile("app.tar.gz", FILE, 3)));
        WaitingGateRow row =
                new WaitingGateRow(page(release), Clock.fixed(Instant.parse("2026-12-06T20:47:30Z"), ZoneOffset.UTC));
        assertEquals("shop", row.getApplication());
        assertEquals("1.4.0", row.getVersion());
        assertEquals("sam", row.getRequester());
        assertEquals("2026-12-06T20:00:00Z", row.getWaitingSince());
        assertEquals("2026-12-07T00:00:00Z", row.getDeadline());
        assertEquals("47 min 30 s ago", row.getWaitingFor());
        assertEquals("closes in 3 h 12 min", row.getCountdown());
        assertEquals(
                "deadline passed 1 h ago",
                new WaitingGateRow(page(release), Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC))
                        .getCountdown());
    }

    @Test
    public void aGateBoundToNothingHasNoApplicationOrVersion() {
        WaitingGateRow row = new WaitingGateRow(page(null));
        assertEquals("", row.getApplication());
        assertEquals("", row.getVersion());
    }

    @Test
    public void aConfirmationPostsARejectionOrABreakGlassButNeverAnApproval() {
        GatePage gate = page(null);
        DecisionConfirmation reject = new DecisionConfirmation(gate, DecisionKind.REJECT, null, null, "abc");
        assertEquals("reject", reject.getAction());
        assertEquals("comment", reject.getField());
        assertEquals("", reject.getComment());
        assertEquals("", reject.getArtifactDigest());
        assertEquals("abc", reject.getPolicyDigest());
        DecisionConfirmation glass =
                new DecisionConfirmation(gate, DecisionKind.BREAK_GLASS, "outage", "sha256:x", "abc");
        assertEquals("breakGlass", glass.getAction());
        assertEquals("justification", glass.getField());
        assertEquals("outage", glass.getComment());
        assertThrows(
                IllegalArgumentException.class,
                () -> new DecisionConfirmation(gate, DecisionKind.APPROVE, "", "", "abc"));
    }
}
