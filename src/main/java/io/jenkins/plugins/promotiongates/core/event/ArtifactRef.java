package io.jenkins.plugins.promotiongates.core.event;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;

/**
 * The artifact an event is about.
 *
 * @param path workspace-relative path
 * @param size size in bytes
 * @param digest the SHA-256 of the content (written as {@code sha256}, lower-case hex)
 */
public record ArtifactRef(String path, long size, ArtifactDigest digest) {

    public ArtifactRef {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("An audited artifact needs a path.");
        }
        if (size < 0 || size > CanonicalJson.MAX_INTEGER) {
            throw new IllegalArgumentException("Artifact '" + path + "' has an impossible size " + size + ".");
        }
        if (digest == null || digest.algorithm() != DigestAlgorithm.SHA256) {
            throw new IllegalArgumentException(
                    "Artifact '" + path + "' needs its SHA-256 digest; got '" + digest + "'.");
        }
    }
}
