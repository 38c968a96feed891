package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRequest;
import io.jenkins.plugins.promotiongates.core.approval.DecisionResult;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.io.IOException;

/**
 * A gate that waits in a running step, as the pages see it: what it shows, and the one door a decision
 * goes through. The {@code requireApprovals} step's execution is one; the pages know only this, so that
 * {@code gates} never depends on {@code steps} (the step depends on the pages' package, not the reverse).
 * Every getter returns at once.
 */
public interface LiveGate {

    /** The gate's id, known before it opens; {@code null} if the step's id is invalid. */
    @CheckForNull
    String gateId();

    /** The run, once the gate has opened or resumed. */
    @CheckForNull
    Run<?, ?> run();

    /** The gate, or {@code null} while it opens. */
    @CheckForNull
    ApprovalGate gate();

    /** The step's message to approvers. */
    String message();

    /** The application the approvals are for: the release's, else the step's or the job's. */
    String application();

    /** What the approvals are bound to, or {@code null} when to nothing or while the gate opens. */
    @CheckForNull
    ApprovalSubject subject();

    /**
     * Takes a decision from an authenticated person; the engine refuses what it must, and an accepted
     * decision is recorded before this returns.
     *
     * @throws IllegalStateException when the gate no longer waits
     */
    DecisionResult decide(DecisionRequest request) throws IOException, InterruptedException;
}
