package io.jenkins.plugins.promotiongates.steps;

import hudson.FilePath;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.FileTree;
import io.jenkins.plugins.promotiongates.core.artifact.ListedPath;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A workspace as the controller reads it: every byte a gate relies on is streamed to the controller
 * ({@link FilePath#read(FilePath, java.nio.file.OpenOption...)} over the agent channel) and hashed and
 * verified there, so an agent can refuse to answer but never decide. Paths are checked by the engine
 * first; symbolic links anywhere below the workspace are refused when the file is opened.
 */
public final class AgentWorkspace implements FileTree {

    private final FilePath root;

    public AgentWorkspace(FilePath root) {
        this.root = root;
    }

    @Override
    public ArtifactContent file(String relativePath) throws IOException {
        FilePath file = root.child(ConfinedPath.checkRelative(relativePath));
        if (!hasFile(file)) {
            throw new ArtifactPathException(
                    relativePath,
                    "does not exist in the workspace as a regular file",
                    "Check the file name, and that an earlier stage produced the file in this workspace.");
        }
        return new ArtifactContent() {
            @Override
            public InputStream open() throws IOException {
                try {
                    return explained(relativePath, file.read(root, LinkOption.NOFOLLOW_LINKS));
                } catch (InterruptedException e) {
                    throw interrupted(e);
                } catch (IOException e) {
                    throw unreadable(relativePath, e);
                }
            }

            @Override
            public long size() throws IOException {
                try {
                    return file.length();
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
            }
        };
    }

    /**
     * Lists on the agent ({@link FilePath#list(String)}, Ant's default excludes applied): the agent only
     * chooses names, each checked to lie inside the workspace, and the controller reads the files itself.
     */
    @Override
    public Collection<String> list(String pattern) throws IOException {
        FilePath[] listed;
        try {
            listed = root.list(pattern);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        List<String> paths = new ArrayList<>();
        for (FilePath file : listed) {
            paths.add(ListedPath.relative(root.getRemote(), file.getRemote()));
        }
        return paths;
    }

    @Override
    public String description() {
        return "the workspace";
    }

    @Override
    public boolean hasFile(String relativePath) throws IOException {
        return hasFile(root.child(ConfinedPath.checkRelative(relativePath)));
    }

    private static boolean hasFile(FilePath file) throws IOException {
        try {
            return file.exists() && !file.isDirectory();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /**
     * On an agent, Jenkins reports a refused symbolic link or a read error only once the stream is read:
     * every such error names the file and the remedy, as one refused at open does.
     */
    private static InputStream explained(String relativePath, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw unreadable(relativePath, e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw unreadable(relativePath, e);
                }
            }
        };
    }

    private static IOException unreadable(String relativePath, IOException e) {
        if (e instanceof ArtifactPathException || e instanceof InterruptedIOException) {
            return e;
        }
        return new ArtifactPathException(
                relativePath,
                "could not be read from the workspace (" + e.getMessage() + ")",
                "Name a regular file inside the workspace, not a symbolic link or a path through one.");
    }

    private static InterruptedIOException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("interrupted while reading the workspace");
        io.initCause(e);
        return io;
    }
}
