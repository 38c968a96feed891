package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PromotionEventsTest {

    private static final ArtifactDigest A = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "a".repeat(64), "test digest");
    private static final ArtifactDigest B = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "b".repeat(64), "test digest");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private AuditedRuns audit;

    @Before
    public void open() throws Exception {
        audit = new AuditedRuns(tmp.getRoot().toPath(), new ManualClock(MONDAY_10));
    }

    @After
    public void close() throws Exception {
        audit.close();
    }

    private void promoted(String type, PromotionRecord record) throws Exception {
        audit.record(
                RUN,
                EventDraft.of(type, "SYSTEM")
                        .withEnvironment(record.environment())
                        .withDetails(PromotionRecordJson.toTree(record)));
    }

    @Test
    public void theInventoryIsRebuiltFromCompletedAndNoOpEventsOnlyAndMalformedOnesAreNamed() throws Exception {
        promoted(
                EventTypes.PROMOTION_COMPLETED,
                PromotionFixtures.record("production", "app.tar.gz", "1.3.0", A, MONDAY_10.minus(Duration.ofDays(3))));
        promoted(
                EventTypes.PROMOTION_COMPLETED,
                PromotionFixtures.record("production", "app.tar.gz", "1.4.0", B, MONDAY_10.minus(Duration.ofDays(2))));
        // A rollback to a version the repository still stores: a no-op for the repository only.
        promoted(
                EventTypes.PROMOTION_NOOP,
                PromotionFixtures.record("production", "app.tar.gz", "1.3.0", A, MONDAY_10.minus(Duration.ofDays(1))));
        // A refusal carries no record, and is not read.
        audit.record(
                RUN, EventDraft.of(EventTypes.PROMOTION_REFUSED, "SYSTEM").withDetails(Map.of("status", "REFUSED")));
        Map<String, Object> broken = new HashMap<>(
                PromotionRecordJson.toTree(PromotionFixtures.record("staging", "app.tar.gz", "9.9.9", A, MONDAY_10)));
        broken.remove("time");
        audit.record(
                RUN, EventDraft.of(EventTypes.PROMOTION_COMPLETED, "SYSTEM").withDetails(broken));

        PromotionEvents.Loaded loaded = PromotionEvents.inventory(audit.service());

        Inventory inventory = loaded.inventory();
        assertTrue(PromotionFixtures.holdsFile(inventory, "production", A));
        assertEquals(
                3,
                inventory.history(PromotionFixtures.APPLICATION, "production").size());
        assertEquals(Optional.empty(), inventory.current(PromotionFixtures.APPLICATION, "staging"));
        assertEquals(
                PromotionFixtures.release("app.tar.gz", "1.4.0", B).digest(),
                inventory
                        .version(PromotionFixtures.APPLICATION, "production", "1.4.0")
                        .orElseThrow()
                        .digest());
        assertEquals(1, loaded.ignored().size());
        assertThat(loaded.ignored().get(0), containsString("shop/main#42 is not in the inventory"));
        assertThat(loaded.ignored().get(0), containsString("time is missing"));
    }

    @Test
    public void draftsForARefusalAndForACompletionCarryTheEvaluationTheRecordAndThePolicyDigest() {
        Evaluation evaluation = new Evaluation(
                "production",
                "staging",
                PromotionFixtures.release("app.tar.gz", "1.4.0", A),
                false,
                false,
                "d".repeat(64),
                List.of(PreconditionResult.fail(Precondition.APPROVALS, "no gate", "call requireApprovals")),
                Optional.empty(),
                List.of(),
                null);
        PromotionOutcome refused = new PromotionOutcome(
                PromotionOutcome.Status.REFUSED, evaluation, Optional.empty(), List.of("[FAIL] approvals: no gate"));

        List<EventDraft> drafts = PromotionEvents.drafts(refused, "alice");

        assertEquals(EventTypes.GATE_FAILED, drafts.get(0).type());
        assertEquals(evaluation.toTree(), drafts.get(0).details());
        assertEquals(EventTypes.PROMOTION_REFUSED, drafts.get(1).type());
        assertEquals(
                Map.of("status", "REFUSED", "reasons", List.of("[FAIL] approvals: no gate")),
                drafts.get(1).details());
        for (EventDraft draft : drafts) {
            assertEquals("production", draft.environment());
            assertEquals("d".repeat(64), draft.policyDigest());
            assertEquals(PromotionFixtures.APPLICATION, draft.artifact().path());
            assertEquals(
                    PromotionFixtures.release("app.tar.gz", "1.4.0", A).digest(),
                    draft.artifact().digest());
            assertEquals("alice", draft.actor());
        }

        PromotionRecord record = PromotionFixtures.record("production", "app.tar.gz", "1.4.0", A, MONDAY_10);
        Evaluation unknown = new Evaluation(
                "nowhere",
                "",
                PromotionFixtures.release("app.tar.gz", "1.4.0", A),
                false,
                false,
                "",
                List.of(PreconditionResult.pass(Precondition.PATH, "ok")),
                Optional.empty(),
                List.of(),
                null);
        List<EventDraft> noop = PromotionEvents.drafts(
                new PromotionOutcome(PromotionOutcome.Status.NOOP, unknown, Optional.of(record), List.of()), "SYSTEM");
        assertEquals(EventTypes.GATE_PASSED, noop.get(0).type());
        assertEquals(EventTypes.PROMOTION_NOOP, noop.get(1).type());
        assertEquals(PromotionRecordJson.toTree(record), noop.get(1).details());
        assertNull("an empty policy digest is left out", noop.get(1).policyDigest());
    }

    @Test
    public void onlyPromotionRecordEventsCarryARecord() throws Exception {
        audit.record(RUN, EventDraft.of(EventTypes.GATE_PASSED, "SYSTEM"));
        AuditEvent event = audit.chain(RUN).events().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromotionEvents.record(event));
        assertThat(e.getMessage(), containsString("a gate.passed event carries no promotion record"));
    }
}
