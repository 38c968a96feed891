package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;

/**
 * The bytes of a release's files, as the controller reads them (from the run's archived artifacts or
 * from the workspace). Nothing about them is trusted: a repository hashes what it reads and publishes
 * a file only if it hashes to the digest in the release.
 */
@FunctionalInterface
public interface ReleaseContent {

    /** The bytes of {@code file}; opened at most once, by the repository. */
    ArtifactContent of(ReleaseFile file);
}
