package io.jenkins.plugins.promotiongates.steps;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;

/**
 * Marks the step's node as paused while its gate waits, with the Pipeline's own pause marker (as the
 * {@code input} step does), so that Stage View and Pipeline Graph View show the run as paused rather
 * than busy. The marker is stored with the node, so it survives a restart; ending it records the end time.
 */
final class GatePause {

    static final String CAUSE = "Approval";

    private static final Logger LOGGER = Logger.getLogger(GatePause.class.getName());

    private GatePause() {}

    /** The node pauses; called once, when the gate opens. */
    static void begin(StepContext context) throws IOException, InterruptedException {
        context.get(FlowNode.class).addAction(new PauseAction(CAUSE));
    }

    /** The pause ends, if it began; never fails the step (a missing marker only affects the views). */
    static void end(StepContext context) {
        try {
            FlowNode node = context.get(FlowNode.class);
            if (node != null && PauseAction.isPaused(node)) {
                PauseAction.endCurrentPause(node);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not end the pause of " + context, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
