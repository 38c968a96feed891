package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory as a {@link FileTree}, for tests: files are read through {@link ConfinedPath}, and a pattern
 * is matched as a Java glob ({@code *} within a directory, {@code **} across), close to Ant's patterns for
 * the patterns the tests use. Counts what it lists and reads.
 */
public final class LocalFileTree implements FileTree {

    private final ConfinedPath root;
    private final String description;
    private int opened;

    public LocalFileTree(Path root, String description) throws IOException {
        this.root = ConfinedPath.under(root);
        this.description = description;
    }

    /** How many files were opened for reading. */
    public int opened() {
        return opened;
    }

    @Override
    public Collection<String> list(String pattern) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = root.root().relativize(file);
                if (matcher.matches(relative)) {
                    paths.add(relative.toString().replace('\\', '/'));
                }
            }
        }
        return paths;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public ArtifactContent file(String relativePath) throws IOException {
        ArtifactContent content = root.file(relativePath);
        return new ArtifactContent() {
            @Override
            public java.io.InputStream open() throws IOException {
                opened++;
                return content.open();
            }

            @Override
            public long size() throws IOException {
                return content.size();
            }
        };
    }

    @Override
    public boolean hasFile(String relativePath) throws IOException {
        return root.hasFile(relativePath);
    }
}
