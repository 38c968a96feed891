package org.jenkinsci.plugins.workflow.support.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public class PauseAction extends InvisibleAction {

    public PauseAction(String cause) {
        throw new UnsupportedOperationException();
    }

    public static void endCurrentPause(@NonNull FlowNode node) throws IOException {
        throw new UnsupportedOperationException();
    }

    public static boolean isPaused(@NonNull FlowNode node) {
        throw new UnsupportedOperationException();
    }
}
