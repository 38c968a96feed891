package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Queue;
import java.io.IOException;
import java.io.Serializable;

public abstract class FlowExecutionOwner implements Serializable {

    public abstract FlowExecution get() throws IOException;

    public interface Executable extends Queue.Executable {

        @CheckForNull
        FlowExecutionOwner asFlowExecutionOwner();
    }
}
