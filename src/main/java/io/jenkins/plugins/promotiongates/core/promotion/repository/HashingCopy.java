package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over an artifact's bytes: read from its {@link ArtifactContent}, written to a staging file
 * that nobody else sees, and hashed on the way; then the digest is compared, in constant time, with
 * the one the gates were evaluated for. Repositories make the staged bytes visible only after
 * {@link #requireApproved} passed.
 *
 * <p>On two cores: the calling thread reads a buffer and writes it, then hands that very buffer to a
 * {@link HashingThread}, which hashes it while the caller reads and writes the next one. What is hashed
 * is therefore exactly what was written, from memory nobody else can change. A durable copy is also
 * written back to the disk as it grows ({@link WriteBack}), so that the disk's work overlaps the hashing
 * and the caller's final fsync has little left to do.
 */
final class HashingCopy {

    /** Large enough to amortise hand-overs and system calls, small enough to stay in the caches. */
    static final int BUFFER_SIZE = 1 << 20;

    private HashingCopy() {}

    /**
     * What was copied.
     *
     * @param sha1 the SHA-1 when it was asked for (for Maven's {@code .sha1} transfer check), else {@code null}
     */
    record Result(long size, byte[] sha256, byte[] sha1) {

        String sha256Hex() {
            return HexFormat.of().formatHex(sha256);
        }

        String sha1Hex() {
            return HexFormat.of().formatHex(sha1);
        }
    }

    /**
     * Reads {@code content} to its end into {@code out}, hashing it, and closes the stream. The caller
     * fsyncs {@code out} if it needs to.
     *
     * @param durable whether the caller will fsync {@code out}: then it is flushed as it grows, too
     * @throws RepositoryException if the content cannot be opened or read (the source's failure), or the
     *     copy was interrupted; other {@link IOException}s are the staging file's
     */
    static Result copy(
            ArtifactContent content,
            FileChannel out,
            ArtifactCoordinates coordinates,
            boolean withSha1,
            boolean durable)
            throws IOException {
        MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
        MessageDigest sha1 = withSha1 ? sha1() : null;
        long size = 0;
        InputStream in = open(content, coordinates);
        try (HashingThread hasher = HashingThread.start(sha256, sha1, coordinates);
                WriteBack writeBack = durable ? WriteBack.start(out, coordinates.toString()) : null) {
            while (true) {
                byte[] buffer = hasher.freeBuffer();
                int read = read(in, buffer, coordinates);
                if (read <= 0) {
                    break;
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                hasher.hash(buffer, read);
                size += read;
                if (writeBack != null) {
                    writeBack.written(size);
                }
            }
            hasher.finish();
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // every byte was read or the copy failed already; a failing close changes neither
            }
        }
        return new Result(size, sha256.digest(), sha1 == null ? null : sha1.digest());
    }

    /**
     * Refuses unless {@code copied} is the approved digest, compared in constant time ({@link ArtifactDigest#matches}).
     *
     * @param nothingWritten where nothing was written, for the message: a path or URL
     */
    static void requireApproved(
            Result copied, ArtifactDigest approved, ArtifactCoordinates coordinates, String nothingWritten)
            throws RepositoryException {
        if (!approved.matches(ArtifactDigest.of(DigestAlgorithm.SHA256, copied.sha256()))) {
            throw new RepositoryException(
                    "The artifact " + coordinates + " changed after its gates were evaluated: it was sha256 "
                            + approved.hex() + " and is now sha256 " + copied.sha256Hex() + "; nothing was written to "
                            + nothingWritten + " (the staged copy was deleted). Make sure nothing rewrites the"
                            + " artifact between its verification and promoteArtifact, then promote the bytes that"
                            + " were verified and approved.",
                    true);
        }
    }

    private static InputStream open(ArtifactContent content, ArtifactCoordinates coordinates)
            throws RepositoryException {
        try {
            InputStream in = content.open();
            if (in == null) {
                throw new IOException("its source returned no stream");
            }
            return in;
        } catch (IOException e) {
            throw unreadable(coordinates, e);
        }
    }

    /** Fills {@code buffer} as far as the stream goes; 0 at its end. */
    private static int read(InputStream in, byte[] buffer, ArtifactCoordinates coordinates) throws RepositoryException {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw unreadable(coordinates, e);
        }
    }

    static RepositoryException unreadable(ArtifactCoordinates coordinates, IOException e) {
        return new RepositoryException(
                "Reading the bytes of " + coordinates + " to publish them failed: " + e
                        + ". Nothing was published; check that the artifact is still there and readable (and"
                        + " that the agent holding it is online), then promote again.",
                e);
    }

    private static MessageDigest sha1() {
        try {
            // Only for the .sha1 file Maven clients check by default; no security decision rests on it.
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-1, which every Java SE runtime must provide", e);
        }
    }
}
