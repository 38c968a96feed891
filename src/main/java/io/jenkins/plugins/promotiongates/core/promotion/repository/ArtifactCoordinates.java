package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.PathSegment;
import java.util.List;
import java.util.Locale;

/**
 * Where a promoted artifact lives in a repository: its file name and the version it is promoted as.
 * Both become path segments, so both are restricted to characters that are safe in every file system
 * and URL, and can never escape the repository root.
 *
 * @param name the artifact's file name, such as {@code app.tar.gz} (no directory)
 * @param version the version it is promoted as, such as {@code 1.4.0}
 */
public record ArtifactCoordinates(String name, String version) {

    private static final List<String> COMPOUND_EXTENSIONS = List.of("tar.gz", "tar.bz2", "tar.xz", "tar.zst");

    /**
     * @throws IllegalArgumentException naming the value, why it is refused and what to write instead
     */
    public ArtifactCoordinates {
        PathSegment.check("artifact file name", name, "such as app.tar.gz");
        PathSegment.check("version", version, "such as 1.4.0 or 2024.05.1+build.7");
    }

    /** The coordinates of a workspace path such as {@code dist/app.tar.gz}: its last segment. */
    public static ArtifactCoordinates of(String artifactPath, String version) {
        String path = artifactPath == null ? "" : artifactPath.replace('\\', '/');
        return new ArtifactCoordinates(path.substring(path.lastIndexOf('/') + 1), version);
    }

    /** The extension Maven sees: {@code tar.gz} for {@code app.tar.gz}, {@code jar} for {@code app.jar}; empty if none. */
    public String extension() {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String compound : COMPOUND_EXTENSIONS) {
            if (lower.endsWith("." + compound) && lower.length() > compound.length() + 1) {
                return name.substring(name.length() - compound.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }

    /** The name without its extension: Maven's artifactId. */
    public String baseName() {
        String extension = extension();
        return extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
    }

    @Override
    public String toString() {
        return name + " version " + version;
    }
}
