package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.PathSegment;

/**
 * One file of a {@link Release}: its file name (no directory), its SHA-256 as the controller computed it
 * from the bytes it read, and its size.
 *
 * @param name the file name, such as {@code app.tar.gz}; a safe repository path segment
 * @param digest the file's SHA-256
 * @param size the size in bytes; {@code -1} only for promotions recorded before releases existed that
 *     did not know it
 */
public record ReleaseFile(String name, ArtifactDigest digest, long size) {

    /**
     * @throws IllegalArgumentException naming the value, why it is refused and what to pass instead
     */
    public ReleaseFile {
        PathSegment.check("release file name", name, "such as app.tar.gz");
        if (digest == null) {
            throw new IllegalArgumentException("release file '" + name + "' has no digest: the controller computes"
                    + " it from the bytes it reads; pass the digest of the file");
        }
        if (size < -1) {
            throw new IllegalArgumentException(
                    "release file '" + name + "' has size " + size + "; a size is 0 or more bytes");
        }
    }
}
