package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.lead;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.security;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class GateSnapshotPersistenceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));

    private ApprovalGate halfApproved() {
        ApprovalGate gate = ApprovalGate.open(
                "approve-prod",
                Gates.effective(production()),
                ARTIFACT,
                RunParties.of(IDS, "sam", List.of("carl")),
                clock);
        gate.approve(lead("ann"), "looks \"good\"\n", ARTIFACT, gate.snapshot().policyDigest());
        gate.approve(security("sue"), "SBOM ok ✓", ARTIFACT, gate.snapshot().policyDigest());
        return gate;
    }

    @Test
    public void jsonRoundTripKeepsEveryField() {
        GateSnapshot before = halfApproved().snapshot();
        String json = GateSnapshotJson.write(before);
        GateSnapshot after = GateSnapshotJson.read(json);
        assertEquals(before, after);
        assertEquals(json, GateSnapshotJson.write(after));
    }

    @Test
    public void javaSerializationRoundTripKeepsEveryField() throws Exception {
        GateSnapshot before = halfApproved().snapshot();
        assertEquals(before, deserialize(serialize(before)));
    }

    @Test
    public void aRestoredGateContinuesWhereItStopped() {
        GateSnapshot stored = halfApproved().snapshot();
        clock.advance(Duration.ofHours(1));
        ApprovalGate restored = ApprovalGate.restore(GateSnapshotJson.read(GateSnapshotJson.write(stored)), clock);
        assertEquals("2 of 3", restored.progress().summary());
        DecisionResult again = restored.approve(lead("ANN"), "", ARTIFACT, stored.policyDigest());
        assertEquals("ann's approval survived the restart", false, again.recorded());
        assertEquals(
                GateState.APPROVED,
                restored.approve(lead("bob"), "", ARTIFACT, stored.policyDigest())
                        .state());
    }

    @Test
    public void aRestoredGatePastItsDeadlineTimesOut() {
        GateSnapshot stored = halfApproved().snapshot();
        clock.advance(Duration.ofDays(3));
        ApprovalGate restored = ApprovalGate.restore(stored, clock);
        assertEquals(true, restored.expireIfDue());
        assertEquals(GateState.TIMED_OUT, restored.state());
    }

    @Test
    public void aStoredGateWhosePolicyWasAlteredIsRefused() {
        String json = GateSnapshotJson.write(halfApproved().snapshot());
        String loosened = json.replace("\"count\":2", "\"count\":1");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> GateSnapshotJson.read(loosened));
        assertEquals("gate.policyDigest", e.problems().get(0).field());
        assertThat(e.getMessage(), containsString("does not match the embedded policy"));
    }

    @Test
    public void malformedStoredGatesNameTheProblem() {
        String json = GateSnapshotJson.write(halfApproved().snapshot());
        assertField("gate", () -> GateSnapshotJson.read("[1"));
        assertField("gate", () -> GateSnapshotJson.read(null));
        assertField("gate.deadline", () -> GateSnapshotJson.read(json.replace("\"deadline\"", "\"x\"")));
        assertField("gate", () -> GateSnapshotJson.read(json.replace("\"state\":\"WAITING\"", "\"state\":\"OPEN\"")));
        assertField("gate", () -> GateSnapshotJson.read(json.replace("2025-06-02T09:00:00Z", "yesterday")));
        assertField("gate.policy", () -> GateSnapshotJson.read("{}"));
    }

    private static void assertField(String field, org.junit.function.ThrowingRunnable read) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, read);
        assertEquals(e.getMessage(), field, e.problems().get(0).field());
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
