package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.LedgerGates;
import io.jenkins.plugins.promotiongates.core.approval.RecordedGate;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * This run's approval gates as the approvals precondition may use them. The ledger decides: a gate exists
 * when the ledger recorded its {@code approval.requested}, and its stored copy (build.xml, which a
 * build can write) is used only when it is the ledger's gate exactly: same id, environment, policy
 * digest, artifact digest and deadline, the same decisions by the same people at the same times with
 * the same comments, and the same closing. A copy that differs, or has no gate in the ledger, is
 * named and ignored. A gate that let the run through is overruled by any rejection recorded after it
 * for the same environment and artifact digest: the latest decision wins.
 */
public final class RecordedApprovals {

    /**
     * @param gates the run's gates from the ledger, in the order they opened
     * @param ignored one line per stored copy or ledger event that was not used, with the reason
     */
    public record Reading(List<LedgerGate> gates, List<String> ignored) {

        public Reading {
            gates = List.copyOf(gates);
            ignored = List.copyOf(ignored);
        }
    }

    private RecordedApprovals() {}

    /**
     * @param stored the gates as build.xml stores them, oldest first
     * @param ledger the run's events as the ledger holds them
     */
    public static Reading read(List<GateSnapshot> stored, LedgerEvents ledger) {
        if (ledger.problem().isPresent()) {
            return new Reading(
                    List.of(),
                    List.of("Audit: none of this run's approval gates is used, because its events in the ledger"
                            + " cannot be proven complete"));
        }
        LedgerGates.Reading recorded = LedgerGates.read(ledger.events());
        List<RecordedGate> gates = recorded.gates();
        List<String> ignored = new ArrayList<>(recorded.ignored());
        GateSnapshot[] confirmed = new GateSnapshot[gates.size()];
        String[] why = new String[gates.size()];
        for (GateSnapshot copy : stored) {
            int match = -1;
            List<String> differences = List.of();
            for (int i = gates.size() - 1; i >= 0; i--) {
                if (!gates.get(i).gateId().equals(copy.gateId()) || confirmed[i] != null) {
                    continue;
                }
                List<String> found = gates.get(i).differences(copy);
                if (match < 0 || found.isEmpty()) {
                    match = i;
                    differences = found;
                }
                if (found.isEmpty()) {
                    break;
                }
            }
            if (match < 0) {
                ignored.add("Audit: approval gate '" + copy.gateId() + "' stored in build.xml is not in the"
                        + " controller's ledger; it is ignored");
            } else if (differences.isEmpty()) {
                confirmed[match] = copy;
                why[match] = null;
            } else if (confirmed[match] == null) {
                why[match] = "its copy in build.xml differs from the ledger (" + String.join("; ", differences) + ")";
                ignored.add("Audit: approval gate '" + copy.gateId() + "' stored in build.xml differs from the ledger ("
                        + String.join("; ", differences) + "); the copy is ignored and the ledger decides");
            }
        }
        List<LedgerGate> result = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            RecordedGate gate = gates.get(i);
            String reason = why[i];
            if (confirmed[i] == null && reason == null) {
                reason = "build.xml holds no copy of it";
                ignored.add("Audit: approval gate '" + gate.gateId() + "' is in the ledger (" + gate.state()
                        + ") but build.xml holds no copy of it");
            }
            result.add(new LedgerGate(
                    gate.gateId(), gate.environment(), gate.state(), confirmed[i], reason, overruling(gate, gates)));
        }
        return new Reading(result, ignored);
    }

    /**
     * The first rejection recorded after {@code gate} let the run through, at any gate of the run for
     * the same environment and artifact digest; empty if none (or if the gate did not let it through).
     */
    private static String overruling(RecordedGate gate, List<RecordedGate> gates) {
        if (!gate.letThrough()) {
            return "";
        }
        RecordedGate.Decided first = null;
        RecordedGate at = null;
        for (RecordedGate other : gates) {
            if (!other.environment().equals(gate.environment())
                    || !ArtifactDigest.same(other.artifactDigest(), gate.artifactDigest())) {
                continue;
            }
            for (RecordedGate.Decided decision : other.decisions()) {
                if (decision.kind() == DecisionKind.REJECT
                        && decision.seq() > gate.close().seq()
                        && (first == null || decision.seq() < first.seq())) {
                    first = decision;
                    at = other;
                }
            }
        }
        return first == null
                ? ""
                : "rejected by " + first.userId() + " at " + first.decidedAt() + " at gate '" + at.gateId() + "' (\""
                        + first.comment() + "\")";
    }
}
