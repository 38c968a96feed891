package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Run;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The gates waiting on this controller: one registry per Jenkins instance (an extension, not a static
 * field), because a restart in the same JVM ({@code JenkinsSessionRule}) or "Reload Configuration from
 * Disk" starts a new instance while the old executions are still in memory. Waiting steps ({@link LiveGate}s) add themselves
 * when their gate opens or resumes and leave when they complete; a decision is handed only to an
 * execution whose run is the very run this instance serves, else the execution is found through the
 * run's {@code FlowExecution}, as the input step finds its executions.
 */
@Extension
public final class LiveGates {

    private static final Logger LOGGER = Logger.getLogger(LiveGates.class.getName());
    private static final int LOAD_SECONDS = 60;

    private final Set<LiveGate> waiting = new CopyOnWriteArraySet<>();

    /** This instance's registry; none while no Jenkins is running (an execution completing at shutdown). */
    private static @CheckForNull LiveGates here() {
        return Jenkins.getInstanceOrNull() == null ? null : ExtensionList.lookupSingleton(LiveGates.class);
    }

    public static void add(LiveGate execution) {
        LiveGates gates = here();
        if (gates != null) {
            gates.waiting.add(execution);
        }
    }

    public static void remove(LiveGate execution) {
        LiveGates gates = here();
        if (gates != null) {
            gates.waiting.remove(execution);
        }
    }

    /** Every gate waiting on this instance. Never blocks. */
    public static List<LiveGate> all() {
        LiveGates gates = here();
        return gates == null ? List.of() : List.copyOf(gates.waiting);
    }

    /** The waiting execution of a gate; may wait for the run's program to load (POST requests only). */
    public static @CheckForNull LiveGate find(Run<?, ?> run, String gateId) throws InterruptedException {
        for (LiveGate execution : all()) {
            // The same Run object, not only the same id: a run of an earlier instance has the same id.
            if (execution.run() == run && gateId.equals(execution.gateId())) {
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
                if (candidate instanceof LiveGate execution && gateId.equals(execution.gateId())) {
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
}
