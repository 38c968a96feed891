package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The second core of a {@link HashingCopy}: a thread that feeds the buffers it is handed to the digests,
 * in order, and hands each back once hashed. {@value #BUFFERS} reusable buffers circulate between the two
 * threads, so memory stays constant whatever the file's size and the copying thread is never more than
 * that many buffers ahead.
 */
final class HashingThread implements AutoCloseable {

    private static final int BUFFERS = 4;
    private static final Chunk END = new Chunk(new byte[0], -1);

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final MessageDigest sha256;
    private final MessageDigest sha1;
    private final ArtifactCoordinates coordinates;
    private final Thread thread;
    private volatile Throwable failure;

    private record Chunk(byte[] buffer, int length) {}

    private HashingThread(MessageDigest sha256, MessageDigest sha1, ArtifactCoordinates coordinates) {
        this.sha256 = sha256;
        this.sha1 = sha1;
        this.coordinates = coordinates;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[HashingCopy.BUFFER_SIZE]);
        }
        this.thread = new Thread(this::hashAll, "promotion hashing " + coordinates);
        thread.setDaemon(true);
    }

    /** Starts hashing into {@code sha256} and, if not {@code null}, {@code sha1}. */
    static HashingThread start(MessageDigest sha256, MessageDigest sha1, ArtifactCoordinates coordinates) {
        HashingThread hasher = new HashingThread(sha256, sha1, coordinates);
        hasher.thread.start();
        return hasher;
    }

    /** A buffer the thread is done with, waiting if all are being hashed. */
    byte[] freeBuffer() throws RepositoryException {
        try {
            byte[] buffer;
            while ((buffer = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                requireAlive();
            }
            return buffer;
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** Hands over {@code buffer}'s first {@code length} bytes; the caller must not touch it until {@link #freeBuffer} returns it. */
    void hash(byte[] buffer, int length) throws RepositoryException {
        hand(new Chunk(buffer, length));
    }

    /** Waits until every buffer handed over is hashed; the digests are then complete. */
    void finish() throws RepositoryException {
        hand(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        requireAlive();
    }

    /** Stops the thread if {@link #finish} was not reached (the copy failed). */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private void hand(Chunk chunk) throws RepositoryException {
        try {
            filled.put(chunk); // never blocks for long: at most BUFFERS chunks and END are in flight
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void hashAll() {
        try {
            for (Chunk chunk = filled.take(); chunk != END; chunk = filled.take()) {
                sha256.update(chunk.buffer, 0, chunk.length);
                if (sha1 != null) {
                    sha1.update(chunk.buffer, 0, chunk.length);
                }
                free.put(chunk.buffer);
            }
        } catch (InterruptedException e) {
            // the copy failed and was abandoned
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void requireAlive() throws RepositoryException {
        Throwable failed = failure;
        if (failed != null) {
            throw new RepositoryException(
                    "Hashing " + coordinates + " failed: " + failed + ". Nothing was published; promote again, and"
                            + " report this if it persists.",
                    failed);
        }
        if (!thread.isAlive() && free.isEmpty() && filled.isEmpty()) {
            throw new RepositoryException(
                    "The thread hashing " + coordinates + " stopped early. Nothing was published; promote again.",
                    false);
        }
    }

    private RepositoryException interrupted() {
        Thread.currentThread().interrupt();
        return new RepositoryException(
                "Publishing " + coordinates + " was interrupted; nothing was published. Promote again.", false);
    }
}
