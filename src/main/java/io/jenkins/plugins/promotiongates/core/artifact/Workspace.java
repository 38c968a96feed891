package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;

/**
 * The files a build wrote, as the engine reads them: paths relative to the workspace, refused when
 * they lead out of it. {@link ConfinedPath} is the local one (the command line, tests); the plugin's
 * is read by the controller over the agent channel, so that every byte a gate relies on is read by the
 * controller itself.
 */
public interface Workspace {

    /**
     * The bytes of the regular file at {@code relativePath}. Implementations check the path before
     * anything is opened.
     *
     * @throws ArtifactPathException naming the path, why it is refused and what to do instead
     */
    ArtifactContent file(String relativePath) throws IOException;

    /** Whether {@code relativePath} names a regular file inside the workspace (used to find a signature). */
    boolean hasFile(String relativePath) throws IOException;
}
