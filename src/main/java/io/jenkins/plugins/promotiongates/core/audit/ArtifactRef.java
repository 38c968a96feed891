package io.jenkins.plugins.promotiongates.core.audit;

/**
 * The artifact an event is about.
 *
 * @param path workspace-relative path
 * @param size size in bytes
 * @param sha256 lower-case hexadecimal SHA-256 of the content
 */
public record ArtifactRef(String path, long size, String sha256) {

    public ArtifactRef {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("An audited artifact needs a path.");
        }
        if (size < 0 || size > CanonicalJson.MAX_INTEGER) {
            throw new IllegalArgumentException("Artifact '" + path + "' has an impossible size " + size + ".");
        }
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("Artifact '" + path
                    + "' needs its SHA-256 as 64 lower-case hexadecimal digits; got '" + sha256 + "'.");
        }
    }
}
