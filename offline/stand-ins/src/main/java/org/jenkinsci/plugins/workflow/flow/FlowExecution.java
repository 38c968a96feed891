package org.jenkinsci.plugins.workflow.flow;

import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

public abstract class FlowExecution {

    public ListenableFuture<List<StepExecution>> getCurrentExecutions(boolean innerMostOnly) {
        throw new UnsupportedOperationException();
    }

    public @NonNull Authentication getAuthentication2() {
        throw new UnsupportedOperationException();
    }
}
