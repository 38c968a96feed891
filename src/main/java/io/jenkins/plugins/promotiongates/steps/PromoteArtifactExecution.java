package io.jenkins.plugins.promotiongates.steps;

import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code promoteArtifact} off the CPS thread: {@link PromotionRun} checks every gate and, when all
 * hold, publishes and records the promotion; the step's map is its answer.
 */
final class PromoteArtifactExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient PromoteArtifactStep step;

    PromoteArtifactExecution(PromoteArtifactStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return new PromotionRun(step).run(getContext());
    }
}
