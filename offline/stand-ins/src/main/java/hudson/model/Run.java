package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException();
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException();
    }
}
