package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Resolves a user-supplied relative path inside a root directory (a workspace) and refuses every
 * way out of it: absolute paths, {@code ..} segments, and symbolic links whose target lies
 * outside the root. Only existing regular files are accepted, so a directory or a FIFO is refused
 * before anything is opened.
 */
public final class ConfinedPath implements Workspace {

    private final Path root;

    private ConfinedPath(Path root) {
        this.root = root;
    }

    /**
     * @param root the directory that every resolved path must stay inside; it must exist
     * @throws IOException if the root does not exist or cannot be resolved
     */
    public static ConfinedPath under(Path root) throws IOException {
        return new ConfinedPath(root.toRealPath());
    }

    /** The real path of the root directory. */
    public Path root() {
        return root;
    }

    @Override
    public ArtifactContent file(String relativePath) throws IOException {
        return ArtifactContent.of(resolveFile(relativePath));
    }

    @Override
    public boolean hasFile(String relativePath) throws IOException {
        try {
            resolveFile(relativePath);
            return true;
        } catch (ArtifactPathException e) {
            return false;
        }
    }

    /**
     * Resolves {@code relativePath} to the real path of an existing regular file inside the root.
     *
     * @throws ArtifactPathException naming the path, why it is refused and what to do instead
     */
    public Path resolveFile(String relativePath) throws IOException {
        Path candidate = resolveLexically(relativePath);
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ArtifactPathException(
                    relativePath,
                    "does not exist in " + root,
                    "Check the file name, and that an earlier stage produced the file in this workspace.");
        }
        if (!real.startsWith(root)) {
            throw new ArtifactPathException(
                    relativePath,
                    "is a symbolic link that leads outside the workspace (to " + real + ")",
                    "Copy the file into the workspace instead of linking to it.");
        }
        BasicFileAttributes attributes =
                Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new ArtifactPathException(
                    relativePath,
                    "is " + describe(attributes) + ", not a regular file",
                    "Name a regular file; archive a directory first (for example with tar or zip).");
        }
        return real;
    }

    /**
     * Checks the form of a user-supplied relative path without touching any file system, the same
     * way on every platform: not empty, no NUL, not absolute ({@code /x}, {@code \\x}, {@code C:x}),
     * no {@code ..} segment (with {@code /} or {@code \\} as separator).
     *
     * @return {@code relativePath} unchanged
     * @throws ArtifactPathException naming the path, why it is refused and what to do instead
     */
    public static String checkRelative(String relativePath) throws ArtifactPathException {
        if (relativePath == null || relativePath.isBlank()) {
            throw new ArtifactPathException(
                    String.valueOf(relativePath), "is empty", "Give the file's path relative to the workspace.");
        }
        if (relativePath.indexOf('\0') >= 0) {
            throw new ArtifactPathException(
                    relativePath.replace('\0', '?'),
                    "contains a NUL character",
                    "Give the file's path relative to the workspace.");
        }
        if (relativePath.startsWith("/")
                || relativePath.startsWith("\\")
                || relativePath.length() > 1 && relativePath.charAt(1) == ':') {
            throw new ArtifactPathException(
                    relativePath,
                    "is absolute",
                    "Give the path relative to the workspace, for example 'target/app.jar'.");
        }
        for (String segment : relativePath.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new ArtifactPathException(
                        relativePath,
                        "contains a '..' segment",
                        "Give a path that stays inside the workspace, without '..'.");
            }
        }
        return relativePath;
    }

    private Path resolveLexically(String relativePath) throws ArtifactPathException {
        checkRelative(relativePath);
        Path given;
        try {
            given = root.getFileSystem().getPath(relativePath);
        } catch (InvalidPathException e) {
            throw new ArtifactPathException(
                    relativePath,
                    "is not a valid path (" + e.getReason() + ")",
                    "Give the file's path relative to the workspace.");
        }
        if (given.isAbsolute() || given.getRoot() != null) {
            throw new ArtifactPathException(
                    relativePath,
                    "is absolute",
                    "Give the path relative to the workspace, for example 'target/app.jar'.");
        }
        return root.resolve(given).normalize();
    }

    private static String describe(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a special file (device, FIFO or socket)";
    }
}
