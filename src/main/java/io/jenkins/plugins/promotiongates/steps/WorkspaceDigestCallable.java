package io.jenkins.plugins.promotiongates.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import java.io.File;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * Digests a workspace artifact on the agent that holds it; only the digests travel back. Acts on
 * the workspace directory so that the engine can confine the relative path to it.
 */
public final class WorkspaceDigestCallable extends MasterToSlaveFileCallable<Digests> {

    private static final long serialVersionUID = 1L;

    private final String relativePath;
    private final EnumSet<DigestAlgorithm> algorithms;

    public WorkspaceDigestCallable(String relativePath, Set<DigestAlgorithm> algorithms) {
        this.relativePath = relativePath;
        this.algorithms = EnumSet.copyOf(algorithms);
    }

    @Override
    public Digests invoke(File workspace, VirtualChannel channel) throws IOException {
        return new StreamingDigester().digest(ConfinedPath.under(workspace.toPath()), relativePath, algorithms);
    }
}
