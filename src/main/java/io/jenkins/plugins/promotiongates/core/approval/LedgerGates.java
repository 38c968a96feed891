package io.jenkins.plugins.promotiongates.core.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.ApprovalDecisionDetails;
import io.jenkins.plugins.promotiongates.core.event.ApprovalRequestedDetails;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.GateClosedDetails;
import io.jenkins.plugins.promotiongates.core.event.GateDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds a run's approval gates from its events as the ledger holds them ({@link GateEvents}
 * wrote them): one {@link RecordedGate} per {@code approval.requested}, with the decisions and the
 * closing event that name its gate id. An event that cannot belong to a gate is named and not used.
 */
public final class LedgerGates {

    private static final Set<String> CLOSING =
            Set.of(EventTypes.GATE_PASSED, EventTypes.GATE_FAILED, EventTypes.APPROVAL_TIMEDOUT);

    /**
     * @param gates the run's gates in the order they opened
     * @param ignored one line per gate event that was not used, with the reason
     */
    public record Reading(List<RecordedGate> gates, List<String> ignored) {

        public Reading {
            gates = List.copyOf(gates);
            ignored = List.copyOf(ignored);
        }
    }

    private LedgerGates() {}

    /** The gates among {@code events} (one run's events, in order); other event types are skipped. */
    public static Reading read(List<AuditEvent> events) {
        List<RecordedGate> gates = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (AuditEvent event : events) {
            String type = event.type();
            JsonNode details = event.get("details");
            String gateId = GateDetails.from(details).gate();
            if (EventTypes.APPROVAL_REQUESTED.equals(type)) {
                ApprovalRequestedDetails requested = ApprovalRequestedDetails.from(details);
                ArtifactDigest bound;
                try {
                    bound = ArtifactDigest.parseIfPresent(requested.artifactDigest(), "details.artifactDigest");
                } catch (IllegalArgumentException e) {
                    ignored.add("Audit: ledger event " + event.seq() + " (" + type
                            + ") is not used for any approval gate: " + e.getMessage());
                    continue;
                }
                gates.add(new RecordedGate(
                        gateId,
                        event.get("environment").asText(""),
                        event.get("policyDigest").asText(""),
                        bound,
                        event.actor(),
                        requested.deadline(),
                        List.of(),
                        null,
                        event.seq()));
                continue;
            }
            DecisionKind kind = kind(type);
            if (kind == null && !CLOSING.contains(type)) {
                continue;
            }
            int open = openGate(gates, gateId);
            String problem = open < 0 ? "no open gate '" + gateId + "' precedes it" : mismatch(gates.get(open), event);
            if (problem != null) {
                ignored.add("Audit: ledger event " + event.seq() + " (" + type + ") is not used for any approval gate: "
                        + problem);
                continue;
            }
            RecordedGate gate = gates.get(open);
            if (kind != null) {
                ApprovalDecisionDetails decision = ApprovalDecisionDetails.from(details);
                gates.set(
                        open,
                        gate.with(new RecordedGate.Decided(
                                event.actor(),
                                kind,
                                decision.decidedAt(),
                                decision.comment(),
                                decision.rules(),
                                event.seq())));
            } else {
                GateClosedDetails closed = GateClosedDetails.from(details);
                gates.set(
                        open,
                        gate.closed(new RecordedGate.Closed(
                                closed.state(), closed.closedAt(), event.actor(), closed.reason(), event.seq())));
            }
        }
        return new Reading(gates, ignored);
    }

    private static DecisionKind kind(String type) {
        return switch (type) {
            case EventTypes.APPROVAL_GRANTED -> DecisionKind.APPROVE;
            case EventTypes.APPROVAL_REJECTED -> DecisionKind.REJECT;
            case EventTypes.APPROVAL_BREAKGLASS -> DecisionKind.BREAK_GLASS;
            default -> null;
        };
    }

    /** The newest gate with this id that the ledger still has open, or -1. */
    private static int openGate(List<RecordedGate> gates, String gateId) {
        for (int i = gates.size() - 1; i >= 0; i--) {
            if (gates.get(i).gateId().equals(gateId) && gates.get(i).close() == null) {
                return i;
            }
        }
        return -1;
    }

    private static String mismatch(RecordedGate gate, AuditEvent event) {
        if (!gate.environment().equals(event.get("environment").asText(""))) {
            return "its environment is not the gate's " + gate.environment();
        }
        if (!gate.policyDigest().equals(event.get("policyDigest").asText(""))) {
            return "its policy digest is not the gate's " + gate.policyDigest();
        }
        if (!ArtifactDigest.text(gate.artifactDigest())
                .equals(GateDetails.from(event.get("details")).artifactDigest())) {
            return "its artifact digest is not the gate's '" + ArtifactDigest.text(gate.artifactDigest()) + "'";
        }
        return null;
    }
}
