package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Durable, all-or-nothing writes: a temporary file in the target's own directory, written and fsync'd,
 * then renamed into place, then the directory fsync'd; or a staged directory renamed into place whole.
 * A crash at any moment leaves either nothing at the target or the complete file or directory; at worst a
 * temporary file whose name starts with {@code .tmp-}.
 */
final class AtomicFiles {

    static final String TEMP_PREFIX = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * Streams {@code content} into a new temporary file in {@code directory} (on the target's file system),
     * hashing in the same read, and fsyncs it. The caller checks the digest
     * ({@link HashingCopy#requireApproved}), then {@link #moveIntoPlace}s or deletes it; on any failure here
     * it is already deleted.
     */
    static Staged stage(ArtifactContent content, ArtifactCoordinates coordinates, Path directory) throws IOException {
        Path temp = temporaryBeside(directory.resolve(coordinates.name()));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            HashingCopy.Result copied = HashingCopy.copy(content, out, coordinates, false, true);
            out.force(true);
            return new Staged(temp, copied);
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
     * Renames the directory {@code staged} to {@code target}, atomically ({@code rename(2)}), and fsyncs
     * the directory it left. An empty directory at {@code target} is replaced, as {@code rename(2)} does.
     *
     * @return {@code false}, changing nothing, if {@code target} already exists and is not an empty directory
     */
    static boolean renameDirectory(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw e;
        }
        syncDirectory(directoryOf(staged));
        return true;
    }

    /** The directory that holds {@code file}; repositories only ever write below their root. */
    private static Path directoryOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a repository file has a directory");
    }

    /** Writes {@code bytes} as the new file {@code file} and fsyncs it; the caller fsyncs the directory. */
    static void writeNew(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            writeFully(out, bytes, 0, bytes.length);
            out.force(true);
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
