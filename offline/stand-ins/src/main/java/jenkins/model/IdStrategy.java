package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class IdStrategy {

    public String keyFor(@NonNull String id) {
        throw new UnsupportedOperationException();
    }
}
