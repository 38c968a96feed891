package io.jenkins.plugins.promotiongates.core.approval;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an approval gate. It waits until the quorum is met, someone eligible rejects, the
 * timeout passes, the run is stopped, or a named administrator breaks the glass; every closed state
 * is final. The allowed transitions are listed here and nowhere else.
 */
public enum GateState {
    WAITING,
    APPROVED,
    REJECTED,
    TIMED_OUT,
    CANCELLED,
    BROKEN_GLASS;

    /** The states this one may move to. */
    public Set<GateState> next() {
        return this == WAITING ? EnumSet.complementOf(EnumSet.of(WAITING)) : EnumSet.noneOf(GateState.class);
    }

    /** Whether the gate no longer accepts decisions. */
    public boolean isClosed() {
        return this != WAITING;
    }

    /** Whether the run may continue past the gate. */
    public boolean letsThrough() {
        return this == APPROVED || this == BROKEN_GLASS;
    }

    /**
     * @return {@code target}
     * @throws IllegalStateException if the move is not allowed
     */
    public GateState moveTo(GateState target) {
        if (!next().contains(target)) {
            throw new IllegalStateException("An approval gate cannot go from " + this + " to " + target);
        }
        return target;
    }
}
