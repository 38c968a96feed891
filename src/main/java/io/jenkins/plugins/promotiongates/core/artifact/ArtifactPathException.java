package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;

/**
 * An artifact path that may not be read: it escapes its root directory, does not exist, or is not
 * a regular file. The message names the path as given, the reason and the remedy.
 */
public final class ArtifactPathException extends IOException {

    private static final long serialVersionUID = 1L;

    public ArtifactPathException(String path, String reason, String remedy) {
        super("Artifact path '" + path + "' " + reason + ". " + remedy);
    }
}
