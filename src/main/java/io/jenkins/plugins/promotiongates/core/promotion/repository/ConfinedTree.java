package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A file repository's directory tree, walked without following symbolic links: the repository never
 * creates a link, so any link found under its root was planted there, and following it could read or
 * write outside the root. Every directory is entered one segment at a time, each checked with
 * {@link LinkOption#NOFOLLOW_LINKS}, and the result is checked once more with
 * {@link Path#toRealPath} against the root's real path. (Java offers no {@code openat}, so a link
 * swapped in between by someone who can write the root is caught by that last check or by
 * {@code O_NOFOLLOW} on the file itself, not excluded; whoever can write the root can also write its
 * files, and the digest checks catch those.)
 */
final class ConfinedTree {

    private final Path root;
    private final Path realRoot;

    /**
     * @param root the repository directory, absolute and normalized; it must exist and not be a link
     * @throws RepositoryException (not a refusal: a configuration to correct) naming the directory, why
     *     and what to do
     */
    ConfinedTree(Path root) throws RepositoryException {
        if (Files.isSymbolicLink(root)) {
            throw new RepositoryException(
                    "The file repository directory " + root + " is a symbolic link (to " + linkTarget(root)
                            + "). The repository never follows a link it did not create, so that a link changed"
                            + " later cannot send promotions elsewhere. Set the environment's repository to the"
                            + " real directory (file:" + realPathOrItself(root) + "), or replace the link with"
                            + " that directory.",
                    false);
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new RepositoryException(
                    "The file repository directory " + root + " does not exist or is not a directory."
                            + " Create it (and mount it, if it is a network file system) on the machine that"
                            + " promotes, or correct the environment's repository setting.",
                    false);
        }
        this.root = root;
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot resolve the file repository directory " + root + ": " + e
                            + ". Check that it is mounted and readable by the Jenkins controller.",
                    e);
        }
    }

    Path root() {
        return root;
    }

    /**
     * The directory {@code relative} to the root, created with its missing parents (each parent that
     * gains an entry fsync'd).
     *
     * @throws RepositoryException refusing if any segment is a symbolic link or not a directory
     */
    Path directory(Path relative) throws IOException {
        Path current = root;
        for (Path segment : relative) {
            Path next = current.resolve(segment);
            if (!isDirectory(next)) {
                try {
                    Files.createDirectory(next);
                    AtomicFiles.syncDirectory(current);
                } catch (FileAlreadyExistsException e) {
                    if (!isDirectory(next)) { // created meanwhile as something else
                        throw notADirectory(next);
                    }
                }
            }
            current = next;
        }
        requireInside(current, relative);
        return current;
    }

    /**
     * The existing directory {@code relative} to the root, or empty if a segment is missing.
     *
     * @throws RepositoryException refusing if any existing segment is a symbolic link or not a directory
     */
    Optional<Path> existingDirectory(Path relative) throws IOException {
        Path current = root;
        for (Path segment : relative) {
            current = current.resolve(segment);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!isDirectory(current)) {
                throw notADirectory(current);
            }
        }
        requireInside(current, relative);
        return Optional.of(current);
    }

    /**
     * Whether the file {@code file} (in a directory this tree returned) exists.
     *
     * @throws RepositoryException refusing if it is a symbolic link or not a regular file
     */
    static boolean regularFileExists(Path file, String role) throws RepositoryException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot read " + file + ": " + e + ". Check that the repository is mounted and readable.", e);
        }
        if (attributes.isSymbolicLink()) {
            throw linkRefused(file, role);
        }
        if (!attributes.isRegularFile()) {
            throw new RepositoryException(
                    "Refusing to use " + file + " (" + role + "): it is not a regular file, and the file"
                            + " repository writes only regular files there. Nothing was published. Remove it"
                            + " (check who else writes the repository), then promote again.",
                    true);
        }
        return true;
    }

    /** The refusal for a symbolic link found at {@code path}, which the repository did not create. */
    static RepositoryException linkRefused(Path path, String role) {
        return new RepositoryException(
                "Refusing to use " + path + " (" + role + "): it is a symbolic link (to " + linkTarget(path)
                        + "), and the file repository never follows a link it did not create, so that nothing is"
                        + " read or written outside its directory. Nothing was published. Remove the link (Jenkins"
                        + " did not create it: check who else can write the repository), then promote again.",
                true);
    }

    private void requireInside(Path directory, Path relative) throws IOException {
        Path real = directory.toRealPath();
        if (!real.equals(realRoot.resolve(relative))) {
            throw new RepositoryException(
                    "Refusing to use " + directory + ": it resolves to " + real + ", outside the file repository "
                            + realRoot + " (a symbolic link was placed on the way while promoting). Nothing was"
                            + " published. Remove the link (check who else can write the repository), then"
                            + " promote again.",
                    true);
        }
    }

    private static boolean isDirectory(Path path) throws RepositoryException {
        if (Files.isSymbolicLink(path)) {
            throw linkRefused(path, "a directory of the repository");
        }
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static RepositoryException notADirectory(Path path) {
        return new RepositoryException(
                "Refusing to use " + path + ": the file repository keeps a directory there, and it is a file."
                        + " Nothing was published. Remove it (check who else writes the repository), then promote"
                        + " again.",
                true);
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "an unreadable target";
        }
    }

    private static String realPathOrItself(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toString();
        }
    }
}
