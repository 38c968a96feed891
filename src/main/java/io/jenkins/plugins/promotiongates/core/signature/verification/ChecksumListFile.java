package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;

/**
 * A checksum list that a signature signs and that names the artifact.
 *
 * @param name the file as the user named it
 * @param content its bytes (from a confined path or the controller's read of a workspace)
 */
public record ChecksumListFile(String name, ArtifactContent content) {}
