package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The engine twin of the plugin's agent workspace: every file is streamed by another process
 * ({@code cat}) through a pipe, as the controller receives workspace bytes over the agent channel;
 * nothing is read from the file system by the reader itself. A lying agent is simulated by a
 * function that chooses, for each read (0, 1, 2...) of one file, which file's bytes to send instead.
 */
public final class PipedWorkspace implements Workspace {

    private final ConfinedPath local;
    private final String target;
    private final IntFunction<String> substitute;
    private int reads;

    private PipedWorkspace(Path root, String target, IntFunction<String> substitute) throws IOException {
        this.local = ConfinedPath.under(root);
        this.target = target;
        this.substitute = substitute;
    }

    /** An honest agent: each read streams the named file. */
    public static PipedWorkspace honest(Path root) throws IOException {
        return new PipedWorkspace(root, "", read -> null);
    }

    /**
     * A lying agent: read {@code n} of {@code target} streams the file {@code substitute.apply(n)} names
     * instead, when it names one.
     */
    public static PipedWorkspace lying(Path root, String target, IntFunction<String> substitute) throws IOException {
        return new PipedWorkspace(root, target, substitute);
    }

    /** How often {@code target} was read. */
    public int reads() {
        return reads;
    }

    @Override
    public ArtifactContent file(String relativePath) throws IOException {
        ArtifactContent checked = local.file(relativePath);
        return new ArtifactContent() {
            @Override
            public InputStream open() throws IOException {
                String sent = relativePath.equals(target) ? substitute.apply(reads++) : null;
                Path file = local.resolveFile(sent == null ? relativePath : sent);
                Process cat = new ProcessBuilder("cat", file.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                return new FilterInputStream(cat.getInputStream()) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        cat.destroy();
                    }
                };
            }

            @Override
            public long size() throws IOException {
                return checked.size();
            }
        };
    }

    @Override
    public boolean hasFile(String relativePath) throws IOException {
        return local.hasFile(relativePath);
    }
}
