package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Durable, all-or-nothing file writes: a temporary file in the target's own directory, written and
 * fsync'd, then renamed (or hard-linked, which never replaces anything) into place, then the directory
 * fsync'd. A crash at any moment leaves either no file at the target or the complete one; at worst a
 * temporary file whose name starts with {@code .tmp-}.
 */
final class AtomicFiles {

    static final String TEMP_PREFIX = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * Streams {@code content} into a new temporary file beside {@code target}, hashing in the same read,
     * and fsyncs it. The caller checks the digest ({@link HashingCopy#requireApproved}), then
     * {@link #moveIntoPlace}s or deletes it; on any failure here it is already deleted.
     */
    static Staged stage(ArtifactContent content, ArtifactCoordinates coordinates, Path target) throws IOException {
        Path temp = temporaryBeside(target);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            HashingCopy.Result copied = HashingCopy.copy(content, out, coordinates, false);
            out.force(true);
            return new Staged(temp, copied);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Writes {@code bytes} to a new fsync'd temporary file beside {@code target}. */
    static Path writeTemporary(Path target, byte[] bytes) throws IOException {
        Path temp = temporaryBeside(target);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(out, bytes, 0, bytes.length);
            out.force(true);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Renames {@code temp} onto {@code target} atomically (replacing it if present) and fsyncs the directory. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(directoryOf(target));
    }

    /**
     * Makes {@code target} a new name of {@code existing} and fsyncs the directory.
     *
     * @return {@code false} if {@code target} already existed (it is left untouched)
     */
    static boolean linkIfAbsent(Path existing, Path target) throws IOException {
        try {
            Files.createLink(target, existing);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        syncDirectory(directoryOf(target));
        return true;
    }

    /** The directory that holds {@code file}; repositories only ever write below their root. */
    private static Path directoryOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a repository file has a directory");
    }

    /**
     * Writes {@code bytes} as {@code target} unless it exists; durable and all-or-nothing.
     *
     * @throws RepositoryException if {@code target} is a symbolic link (this class never creates one)
     */
    static void writeIfAbsent(Path target, byte[] bytes) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw ConfinedTree.linkRefused(target, "a file the repository writes");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path temp = writeTemporary(target, bytes);
        try {
            linkIfAbsent(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static Path temporaryBeside(Path target) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return target.resolveSibling(
                TEMP_PREFIX + target.getFileName() + "-" + HexFormat.of().formatHex(random));
    }

    private static void writeFully(FileChannel out, byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** A complete, fsync'd temporary copy and what was copied into it. */
    record Staged(Path temp, HashingCopy.Result copied) {}
}
