package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.util.XStream2;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.model.ArtifactManager;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements AccessControlled {

    public static final XStream2 XSTREAM2 = null;

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException();
    }

    public final @NonNull ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException();
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public @NonNull List<Cause> getCauses() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException();
    }
}
