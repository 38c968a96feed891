package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the Maven repository keeps a private copy of each file while it checks the file's digest and
 * uploads it: files only the controller's user may read or write, in {@code java.io.tmpdir} (or a
 * directory the tests choose), deleted afterwards in every case.
 */
final class SpoolDirectory {

    private final Path directory;

    /** @param directory where to spool; {@code null} for the system's temporary directory */
    SpoolDirectory(Path directory) {
        this.directory = directory;
    }

    /** A new empty file only this user may read or write, in the spool directory. */
    Path create(ArtifactCoordinates coordinates) throws RepositoryException {
        try {
            Path where = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
            if (where.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempFile(
                        where,
                        "promotion-",
                        ".spool",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.createTempFile(where, "promotion-", ".spool"); // per-user on Windows
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot create a temporary file to spool " + coordinates + " before uploading it: " + e
                            + ". Nothing was uploaded; free space in the controller's temporary directory"
                            + " (java.io.tmpdir), then promote again.",
                    e);
        }
    }

    /** Copies {@code content} into {@code spool}, hashing it (SHA-256 and SHA-1). */
    static HashingCopy.Result fill(ArtifactContent content, ArtifactCoordinates coordinates, Path spool)
            throws RepositoryException {
        try (FileChannel out = FileChannel.open(spool, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            return HashingCopy.copy(content, out, coordinates, true, false);
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Spooling " + coordinates + " to " + spool + " before uploading it failed: " + e
                            + ". Nothing was uploaded; free space in the controller's temporary directory"
                            + " (java.io.tmpdir), then promote again.",
                    e);
        }
    }

    /** Deletes {@code spool}, or, failing that, when the JVM exits. */
    static void delete(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            spool.toFile().deleteOnExit();
        }
    }
}
