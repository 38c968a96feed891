package io.jenkins.plugins.promotiongates.steps;

import hudson.model.TaskListener;
import jenkins.model.CauseOfInterruption;

/** Why a run stopped at a gate: rejected (by whom, with the comment) or timed out (and when). */
public final class GateClosedInterruption extends CauseOfInterruption {

    private static final long serialVersionUID = 1L;

    private final String reason;

    GateClosedInterruption(String reason) {
        this.reason = reason;
    }

    /** Shown with the interrupted build. */
    @Override
    public String getShortDescription() {
        return reason;
    }

    /**
     * Prints nothing: the step printed this reason to the console when the gate closed, and Pipeline
     * would print it a second time when the build ends ({@code FlowInterruptedException.handle}).
     */
    @Override
    public void print(TaskListener listener) {
        // already in the console, once
    }
}
