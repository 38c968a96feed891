package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.artifact.FileTree;
import io.jenkins.plugins.promotiongates.core.release.ReleaseSource;

/**
 * Where a step reads a release's files: the run's archived artifacts for {@code archived:} (no workspace
 * needed), else the step's workspace, which it then must have.
 */
public final class ReleaseFiles {

    private ReleaseFiles() {}

    /**
     * @param step the step, for the message
     * @param workspace the step's workspace, or {@code null} outside {@code node}
     * @throws AbortException when the files are in the workspace and the step has none
     */
    public static FileTree of(String step, ReleaseSource source, Run<?, ?> run, @CheckForNull FilePath workspace)
            throws AbortException {
        if (!source.needsWorkspace()) {
            return new ArchivedArtifacts(run);
        }
        if (workspace == null) {
            throw new AbortException(Messages.ReleaseFiles_NeedsWorkspace(step, source.toString()));
        }
        return new AgentWorkspace(workspace);
    }
}
