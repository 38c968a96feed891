package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.FileTree;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.release.FileSelection.SelectedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a release where the controller runs: chooses its files ({@link FileSelection}), reads each once,
 * hashing it as it reads, and builds the {@link Release} from the digests and sizes it computed. At most
 * {@link #MAX_TOTAL_BYTES} are read in all, so a pattern that matches far more than meant stops early.
 */
public final class ReleaseReader {

    /** The most bytes one release may have, all files together: 64 GiB. */
    public static final long MAX_TOTAL_BYTES = 64L << 30;

    private final StreamingDigester digester = new StreamingDigester();
    private final long maxTotalBytes;

    public ReleaseReader() {
        this(MAX_TOTAL_BYTES);
    }

    /** @param maxTotalBytes the most bytes to read in all */
    public ReleaseReader(long maxTotalBytes) {
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * The release of {@code application} {@code version} made of the files {@code source} names in
     * {@code tree}; the content it returns opens the same files again, for the repository to hash anew.
     *
     * @throws IllegalArgumentException naming the parameter and value when a name, a pattern, the files or
     *     their total size are refused
     * @throws IOException when a file cannot be read, naming it
     */
    public ReadRelease read(String application, String version, ReleaseSource source, FileTree tree)
            throws IOException {
        Release.checkNames(application, version);
        List<SelectedFile> selected = select(source, tree);
        List<ReleaseFile> files = new ArrayList<>();
        Map<String, ArtifactContent> contents = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        long total = 0;
        for (SelectedFile file : selected) {
            ArtifactContent content = tree.file(file.path());
            long announced = content.size();
            if (announced > 0 && total + announced > maxTotalBytes) {
                throw tooLarge(source, tree, file, total + announced);
            }
            Digests digests = digester.digest(content, EnumSet.of(DigestAlgorithm.SHA256));
            total += digests.size();
            if (total > maxTotalBytes) {
                throw tooLarge(source, tree, file, total);
            }
            files.add(new ReleaseFile(file.name(), digests.sha256(), digests.size()));
            contents.put(file.name(), content);
            paths.put(file.name(), file.path());
        }
        return new ReadRelease(new Release(application, version, files), contents, paths, tree.description());
    }

    private static List<SelectedFile> select(ReleaseSource source, FileTree tree) throws IOException {
        if (source.kind() == ReleaseSource.Kind.ARTIFACT) {
            return List.of(FileSelection.single(
                    source.kind().parameter(), source.patterns().get(0)));
        }
        Map<String, List<String>> matches = new LinkedHashMap<>();
        for (String pattern : source.patterns()) {
            matches.put(pattern, List.copyOf(tree.list(pattern)));
        }
        return FileSelection.select(source, matches, tree.description());
    }

    private IllegalArgumentException tooLarge(ReleaseSource source, FileTree tree, SelectedFile file, long bytes) {
        return new IllegalArgumentException(source + ": the release's files in " + tree.description()
                + " exceed " + maxTotalBytes + " bytes in all (at least " + bytes + " with '" + file.path()
                + "'), more than a release may have. Narrow the patterns to the files that make the release.");
    }
}
