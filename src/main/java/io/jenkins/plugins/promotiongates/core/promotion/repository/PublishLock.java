package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file repository's exclusive lock around the moment a version becomes visible: checking the
 * application's directories, renaming the staged version into place. It is an operating-system lock on a
 * file (so other controllers and processes sharing the repository wait too, on any file system with
 * working locks, NFS included) taken behind a lock of this JVM: Java allows one lock per file and process,
 * and closing any channel to a locked file may release the process's lock on it. Held for milliseconds:
 * the copying and hashing happen before, outside it.
 */
final class PublishLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private PublishLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock on {@code file} (created if missing; a link in its place is refused by {@code O_NOFOLLOW}). */
    static PublishLock acquire(Path file) throws IOException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
        local.lock();
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
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
