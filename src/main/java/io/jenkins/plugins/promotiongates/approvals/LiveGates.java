package io.jenkins.plugins.promotiongates.approvals;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The gates waiting on this controller. Executions add themselves when their gate opens or
 * resumes and leave when they complete; after a restart, a gate not yet resumed is found through
 * its run's {@code FlowExecution}, as the input step finds its executions.
 */
final class LiveGates {

    private static final Logger LOGGER = Logger.getLogger(LiveGates.class.getName());
    private static final int LOAD_SECONDS = 60;
    private static final Set<RequireApprovalsExecution> WAITING = new CopyOnWriteArraySet<>();

    private LiveGates() {}

    static void add(RequireApprovalsExecution execution) {
        WAITING.add(execution);
    }

    static void remove(RequireApprovalsExecution execution) {
        WAITING.remove(execution);
    }

    /** Every waiting gate. Never blocks. */
    static List<RequireApprovalsExecution> all() {
        return List.copyOf(WAITING);
    }

    /** The waiting execution of a gate; may wait for the run's program to load (POST requests only). */
    static @CheckForNull RequireApprovalsExecution find(Run<?, ?> run, String gateId) throws InterruptedException {
        for (RequireApprovalsExecution execution : WAITING) {
            if (sameRun(execution.run(), run) && gateId.equals(idOf(execution))) {
                return execution;
            }
        }
        if (!(run instanceof FlowExecutionOwner.Executable executable)) {
            return null;
        }
        try {
            FlowExecutionOwner owner = executable.asFlowExecutionOwner();
            if (owner == null) {
                return null;
            }
            for (StepExecution candidate :
                    owner.get().getCurrentExecutions(true).get(LOAD_SECONDS, TimeUnit.SECONDS)) {
                if (candidate instanceof RequireApprovalsExecution execution && gateId.equals(idOf(execution))) {
                    return execution;
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not load the waiting steps of " + run, e);
        }
        return null;
    }

    private static boolean sameRun(Run<?, ?> a, Run<?, ?> b) {
        return a != null && a.getExternalizableId().equals(b.getExternalizableId());
    }

    private static String idOf(RequireApprovalsExecution execution) {
        return execution.gateId();
    }
}
