package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.PathSegment;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which files a release is made of, decided from what each pattern matched: every pattern matches at
 * least one file, every path stays inside its tree, each file is named by its path's last segment, names
 * are unique and safe in every repository, and there are at most {@link Release#MAX_FILES} files. A file
 * two patterns match is taken once.
 */
public final class FileSelection {

    /**
     * One file of the release: where it is and the name it has in the release.
     *
     * @param path the {@code /}-separated path relative to its tree, such as {@code dist/app.tar.gz}
     * @param name the last segment of the path, such as {@code app.tar.gz}
     */
    public record SelectedFile(String path, String name) {}

    private FileSelection() {}

    /**
     * The files, sorted by name.
     *
     * @param matches each pattern of {@code source} with the paths it matched
     * @param where what was searched, such as {@code the workspace}, for messages
     * @throws IllegalArgumentException naming the parameter, the pattern or paths, the reason and the remedy
     */
    public static List<SelectedFile> select(
            ReleaseSource source, Map<String, ? extends Collection<String>> matches, String where) {
        String parameter = source.kind().parameter();
        Map<String, SelectedFile> byName = new TreeMap<>();
        for (String pattern : source.patterns()) {
            Collection<String> paths = matches.get(pattern);
            if (paths == null || paths.isEmpty()) {
                throw new IllegalArgumentException(parameter + ": the pattern " + QuotedInput.of(pattern)
                        + " matched no file in " + where + ". Check the pattern"
                        + (source.kind() == ReleaseSource.Kind.ARCHIVED
                                ? ", and that archiveArtifacts archived the files earlier in this run."
                                : ", and that an earlier step produced the files in this workspace."));
            }
            for (String path : paths) {
                add(byName, parameter, pattern, path);
                if (byName.size() > Release.MAX_FILES) {
                    throw new IllegalArgumentException(parameter + ": the patterns match more than "
                            + Release.MAX_FILES + " files in " + where + ", and a release has at most "
                            + Release.MAX_FILES + ". Narrow the patterns, or pack the files into an archive.");
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * The file at {@code path}, for {@code artifact:}: its name is its last segment. The path itself is
     * checked where the file is opened ({@link io.jenkins.plugins.promotiongates.core.artifact.Workspace#file}).
     */
    public static SelectedFile single(String parameter, String path) {
        return named(parameter, path);
    }

    private static void add(Map<String, SelectedFile> byName, String parameter, String pattern, String path) {
        SelectedFile file = file(parameter, pattern, path);
        SelectedFile other = byName.putIfAbsent(file.name(), file);
        if (other != null && !other.path().equals(file.path())) {
            throw new IllegalArgumentException(parameter + ": " + QuotedInput.of(other.path()) + " and "
                    + QuotedInput.of(file.path()) + " are both named '" + file.name() + "', and the files of a"
                    + " release are named by their file name alone, so names must be unique. Narrow the patterns"
                    + " to one of them, or rename one.");
        }
    }

    private static SelectedFile file(String parameter, String pattern, String path) {
        try {
            ConfinedPath.checkRelative(path);
        } catch (ArtifactPathException e) {
            throw new IllegalArgumentException(parameter + ": the pattern " + QuotedInput.of(pattern)
                    + " was answered with a path that is not inside its tree: " + e.getMessage());
        }
        return named(parameter, path);
    }

    private static SelectedFile named(String parameter, String path) {
        String normalized = path.replace('\\', '/');
        String name = normalized.substring(normalized.lastIndexOf('/') + 1);
        if (!PathSegment.isValid(name)) {
            throw new IllegalArgumentException(parameter + ": " + QuotedInput.of(path) + " has the file name "
                    + QuotedInput.of(name) + ", which cannot name a file of a release: a file name is 1 to 128"
                    + " letters, digits, '.', '_', '+' or '-', starts with a letter or digit, has no '..' and is"
                    + " not a reserved name. Rename the file, or leave it out of the patterns.");
        }
        return new SelectedFile(normalized, name);
    }
}
