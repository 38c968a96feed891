package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The file repository's exclusive lock around the moment a version becomes visible: checking the
 * application's directories, renaming the staged version into place. It is an operating-system lock on a
 * file (so other controllers and processes sharing the repository wait too, on any file system with
 * working locks, NFS included) taken behind a lock of this JVM: Java allows one lock per file and process,
 * and closing any channel to a locked file may release the process's lock on it. Held for milliseconds:
 * the copying and hashing happen before, outside it.
 */
final class PublishLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private PublishLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock on {@code file} (created if missing; a link in its place is refused by {@code O_NOFOLLOW}). */
    static PublishLock acquire(Path file) throws IOException {
        Semaphore local = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Semaphore(1));
        try {
            local.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the repository's publish lock");
        }
        try {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                return new PublishLock(local, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.release();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.release();
        }
    }
}
