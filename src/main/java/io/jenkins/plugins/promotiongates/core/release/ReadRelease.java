package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A release as {@link ReleaseReader} read it, with the content of each file, which opens the same file
 * again: what {@code promoteArtifact} passes to the repository, which hashes the bytes anew.
 *
 * @param release the release, with the digests and sizes computed from the bytes read
 * @param contents each file's content, by file name
 * @param paths each file's path in its tree, by file name
 * @param where what the files were read from, such as {@code the workspace}
 */
public record ReadRelease(
        Release release, Map<String, ArtifactContent> contents, Map<String, String> paths, String where)
        implements ReleaseContent {

    public ReadRelease {
        contents = Map.copyOf(contents);
        paths = Map.copyOf(paths);
    }

    /**
     * @throws IllegalArgumentException if {@code file} is not one of this release's files
     */
    @Override
    public ArtifactContent of(ReleaseFile file) {
        ArtifactContent content = file == null ? null : contents.get(file.name());
        if (content == null || !release.file(file.name()).orElseThrow().equals(file)) {
            throw new IllegalArgumentException("'" + (file == null ? null : file.name()) + "' is not a file of "
                    + release + ": pass its own files");
        }
        return content;
    }

    /** One line per file for a build log: {@code app.tar.gz  sha256:…  1234 bytes  (dist/app.tar.gz)}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ReleaseFile file : release.files()) {
            lines.add(file.name() + "  " + file.digest() + "  " + file.size() + " bytes  (" + paths.get(file.name())
                    + " in " + where + ")");
        }
        return lines;
    }
}
