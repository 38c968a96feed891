package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import java.util.Optional;

/**
 * One approval gate of the promoting run as the approvals precondition may use it: known from the
 * controller's ledger, with its stored copy (build.xml) only when the ledger confirms that copy, and
 * the later rejection that overrules it, if any. Made by {@link RecordedApprovals} only.
 */
public final class LedgerGate {

    private final String gateId;
    private final String environment;
    private final String ledgerState;
    private final GateSnapshot snapshot;
    private final String disagreement;
    private final String overruledBy;

    /**
     * @param snapshot the stored copy the ledger confirms, or null
     * @param disagreement why there is none (the copy is missing or differs), or empty
     * @param overruledBy the later rejection for the same environment and artifact, in words, or empty
     */
    LedgerGate(
            String gateId,
            String environment,
            String ledgerState,
            GateSnapshot snapshot,
            String disagreement,
            String overruledBy) {
        this.gateId = gateId;
        this.environment = environment;
        this.ledgerState = ledgerState;
        this.snapshot = snapshot;
        this.disagreement = disagreement == null ? "" : disagreement;
        this.overruledBy = overruledBy == null ? "" : overruledBy;
    }

    public String gateId() {
        return gateId;
    }

    public String environment() {
        return environment;
    }

    /** The gate's state as the ledger records it (WAITING while open). */
    public String ledgerState() {
        return ledgerState;
    }

    /** The stored copy, when the ledger confirms it. */
    public Optional<GateSnapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** Why the stored copy is not used; empty when it is. */
    public String disagreement() {
        return disagreement;
    }

    /** The later rejection that overrules this gate ("the latest decision wins"), if any. */
    public Optional<String> overruledBy() {
        return overruledBy.isEmpty() ? Optional.empty() : Optional.of(overruledBy);
    }

    @Override
    public String toString() {
        return "gate '" + gateId + "' for " + environment + " (" + ledgerState + ")";
    }
}
