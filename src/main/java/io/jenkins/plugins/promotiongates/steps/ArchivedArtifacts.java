package io.jenkins.plugins.promotiongates.steps;

import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import jenkins.util.VirtualFile;

/**
 * A run's archived artifacts ({@code archiveArtifacts}) as the controller reads them, through the run's
 * artifact manager ({@link Run#getArtifactManager()}), so that they are read wherever they are stored and
 * no workspace or agent is needed. Paths are checked by the engine first; a symbolic link anywhere on a
 * file's path is refused (the standard manager also refuses links that lead out of the archive, which
 * then are not files at all). Only public, unrestricted {@link VirtualFile} methods are used.
 */
public final class ArchivedArtifacts implements FileTree {

    private final VirtualFile root;

    public ArchivedArtifacts(Run<?, ?> run) {
        this.root = run.getArtifactManager().root();
    }

    /** Lists with Ant's default excludes, as {@code archiveArtifacts} archives by default. */
    @Override
    public Collection<String> list(String pattern) throws IOException {
        return root.list(pattern, null, true);
    }

    @Override
    public String description() {
        return "the run's archived artifacts";
    }

    @Override
    public ArtifactContent file(String relativePath) throws IOException {
        VirtualFile file = checked(relativePath);
        return new ArtifactContent() {
            @Override
            public InputStream open() throws IOException {
                return file.open();
            }

            @Override
            public long size() throws IOException {
                return file.length();
            }
        };
    }

    @Override
    public boolean hasFile(String relativePath) throws IOException {
        try {
            checked(relativePath);
            return true;
        } catch (ArtifactPathException e) {
            return false;
        }
    }

    private VirtualFile checked(String relativePath) throws IOException {
        String path = ConfinedPath.checkRelative(relativePath).replace('\\', '/');
        StringBuilder prefix = new StringBuilder();
        for (String segment : path.split("/")) {
            prefix.append(prefix.length() == 0 ? "" : "/").append(segment);
            if (root.child(prefix.toString()).readLink() != null) {
                throw new ArtifactPathException(
                        relativePath,
                        "is, or lies under, a symbolic link among the run's archived artifacts ('" + prefix + "')",
                        "Archive the file itself: archiveArtifacts follows symbolic links by default.");
            }
        }
        VirtualFile file = root.child(path);
        if (!file.isFile()) {
            throw new ArtifactPathException(
                    relativePath,
                    "is not an archived file of this run",
                    "Archive it first with archiveArtifacts, earlier in this run, and check the name.");
        }
        return file;
    }
}
