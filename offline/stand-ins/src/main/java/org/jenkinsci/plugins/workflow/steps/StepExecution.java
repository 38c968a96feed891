package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    protected StepExecution() {
        throw new UnsupportedOperationException();
    }

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException();
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void onResume() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException();
    }
}
