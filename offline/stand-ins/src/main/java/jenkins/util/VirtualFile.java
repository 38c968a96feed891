package jenkins.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Collection;

public abstract class VirtualFile implements Serializable {

    public abstract boolean isFile() throws IOException;

    public @CheckForNull String readLink() throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull Collection<String> list(
            @NonNull String includes, @CheckForNull String excludes, boolean useDefaultExcludes) throws IOException {
        throw new UnsupportedOperationException();
    }

    public abstract @NonNull VirtualFile child(@NonNull String name);

    public abstract long length() throws IOException;

    public abstract InputStream open() throws IOException;
}
