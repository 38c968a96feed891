package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.util.Set;

public abstract class EnvironmentExpander implements Serializable {

    public @NonNull Set<String> getSensitiveVariables() {
        throw new UnsupportedOperationException();
    }
}
