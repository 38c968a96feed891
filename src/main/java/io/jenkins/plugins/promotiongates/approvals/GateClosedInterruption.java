package io.jenkins.plugins.promotiongates.approvals;

import jenkins.model.CauseOfInterruption;

/** Why a run stopped at a gate: rejected (by whom, with the comment) or timed out (and when). */
final class GateClosedInterruption extends CauseOfInterruption {

    private static final long serialVersionUID = 1L;

    private final String reason;

    GateClosedInterruption(String reason) {
        this.reason = reason;
    }

    @Override
    public String getShortDescription() {
        return reason;
    }
}
