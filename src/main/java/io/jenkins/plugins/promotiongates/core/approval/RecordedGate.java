package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An approval gate as the controller's ledger records it ({@link GateEvents}): what a stored
 * {@link GateSnapshot} (build.xml, which a build can write) is checked against before a gate is
 * believed. Times are kept as the events write them ({@link java.time.Instant#toString()}).
 *
 * @param gateId the gate's id
 * @param environment the target environment
 * @param policyDigest the effective policy's digest
 * @param artifactDigest the digest approvals are bound to; {@code null} when bound to none
 * @param requestedBy the actor of {@code approval.requested}: the run's starter, or SYSTEM
 * @param deadline when the gate times out
 * @param decisions every decision recorded, in order
 * @param close how it closed, or {@code null} while the ledger has it open
 * @param openedSeq the run-chain number of its {@code approval.requested} event
 */
public record RecordedGate(
        String gateId,
        String environment,
        String policyDigest,
        ArtifactDigest artifactDigest,
        String requestedBy,
        String deadline,
        List<Decided> decisions,
        Closed close,
        long openedSeq) {

    /** One {@code approval.granted}, {@code approval.rejected} or {@code approval.breakglass} event. */
    public record Decided(
            String userId, DecisionKind kind, String decidedAt, String comment, List<Integer> rules, long seq) {

        public Decided {
            rules = List.copyOf(rules);
        }
    }

    /** The {@code gate.passed}, {@code gate.failed} or {@code approval.timedout} event. */
    public record Closed(String state, String closedAt, String closedBy, String reason, long seq) {}

    public RecordedGate {
        decisions = List.copyOf(decisions);
    }

    RecordedGate with(Decided decision) {
        List<Decided> more = new ArrayList<>(decisions);
        more.add(decision);
        return new RecordedGate(
                gateId, environment, policyDigest, artifactDigest, requestedBy, deadline, more, close, openedSeq);
    }

    RecordedGate closed(Closed closed) {
        return new RecordedGate(
                gateId, environment, policyDigest, artifactDigest, requestedBy, deadline, decisions, closed, openedSeq);
    }

    /** Whether the ledger records the gate as letting the run through (approved or broken glass). */
    public boolean letThrough() {
        return close != null
                && (GateState.APPROVED.name().equals(close.state())
                        || GateState.BROKEN_GLASS.name().equals(close.state()));
    }

    /** The state the ledger records: WAITING while open. */
    public String state() {
        return close == null ? GateState.WAITING.name() : close.state();
    }

    /**
     * How {@code stored} differs from this gate, in words ("state: build.xml APPROVED, ledger
     * WAITING"); empty when it is the same gate with the same decisions by the same people at the
     * same times and the same closing.
     */
    public List<String> differences(GateSnapshot stored) {
        List<String> found = new ArrayList<>();
        compare(found, "gate id", stored.gateId(), gateId);
        compare(found, "environment", stored.policy().name(), environment);
        compare(found, "policy digest", stored.policyDigest(), policyDigest);
        compare(found, "artifact digest", stored.artifactDigest(), artifactDigest);
        compare(found, "starter", actor(stored.parties().starter()), requestedBy);
        compare(found, "deadline", String.valueOf(stored.deadline()), deadline);
        compare(found, "state", stored.state().name(), state());
        if (close != null && stored.state().isClosed()) {
            compare(found, "closed at", String.valueOf(stored.closedAt()), close.closedAt());
            compare(found, "closed by", actor(stored.closedBy()), close.closedBy());
            compare(found, "close reason", stored.closeReason(), close.reason());
        }
        List<Decision> storedDecisions = stored.decisions();
        compare(found, "number of decisions", storedDecisions.size(), decisions.size());
        for (int i = 0; i < Math.min(storedDecisions.size(), decisions.size()); i++) {
            Decision a = storedDecisions.get(i);
            Decided b = decisions.get(i);
            String at = "decision " + (i + 1) + " ";
            compare(found, at + "person", a.userId(), b.userId());
            compare(found, at + "kind", a.kind(), b.kind());
            compare(found, at + "time", String.valueOf(a.time()), b.decidedAt());
            compare(found, at + "comment", a.comment(), b.comment());
            compare(found, at + "rules", a.rules(), b.rules());
            compare(found, at + "artifact digest", a.artifactDigest(), artifactDigest);
            compare(found, at + "policy digest", a.policyDigest(), policyDigest);
        }
        return found;
    }

    private static String actor(String user) {
        return user == null || user.isEmpty() ? EventDraft.SYSTEM : user;
    }

    private static void compare(List<String> found, String what, Object stored, Object recorded) {
        if (!Objects.equals(stored, recorded)) {
            found.add(what + ": build.xml " + shown(stored) + ", ledger " + shown(recorded));
        }
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? "'" + text.substring(0, 77) + "...'" : "'" + text + "'";
    }
}
