package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a file repository prepares versions before they become visible: {@code <root>/.staging}, on the
 * repository's own file system so that one rename publishes a version. No reader looks there (an
 * application name cannot start with a dot).
 *
 * <p>Each publication works in a {@link Slot}: a directory {@code <id>} and a file {@code <id>.lock} that
 * its owner holds an operating-system lock on for the slot's whole life. A crashed owner's lock is
 * released by the kernel, so the next publication {@linkplain #clean() cleans} exactly the slots nobody
 * holds: it first renames such a slot to {@code trash-<id>} (after which its owner, if it were somehow
 * alive, could no longer publish it), then deletes it. Nothing outside {@code .staging} is ever deleted.
 */
final class StagingArea {

    static final String DIRECTORY = ".staging";
    private static final String LOCK_SUFFIX = ".lock";
    private static final String TRASH_PREFIX = "trash-";
    private static final String PUBLISH_LOCK = "publish.lock";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The slot locks this JVM holds: never opened by a cleaner here, as closing that channel could release them. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private static final Object CLEANING = new Object();

    private final Path directory;

    /** @throws RepositoryException if {@code .staging} is a link or not a directory */
    StagingArea(ConfinedTree tree) throws IOException {
        this.directory = tree.directory(Path.of(DIRECTORY));
    }

    /** The file behind the {@link PublishLock}. */
    Path publishLock() {
        return directory.resolve(PUBLISH_LOCK);
    }

    /** A new, empty, locked slot. */
    Slot open() throws IOException {
        while (true) {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            String id = HexFormat.of().formatHex(random);
            Path lockFile = directory.resolve(id + LOCK_SUFFIX);
            HELD.add(lockFile);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(
                        lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                FileLock lock = channel.lock();
                if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                    return new Slot(lockFile, channel, lock, Files.createDirectory(directory.resolve(id)));
                }
                // another process's cleaner deleted it between its creation and the lock: take another
                channel.close();
                HELD.remove(lockFile);
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    channel.close();
                    Files.deleteIfExists(lockFile);
                }
                HELD.remove(lockFile);
                throw e;
            }
        }
    }

    /**
     * Deletes what crashed publications left: every slot whose lock nobody holds, and any trash. Best
     * effort: what cannot be deleted now is left for the next publication, and never visible.
     */
    void clean() {
        synchronized (CLEANING) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    String name = String.valueOf(entry.getFileName());
                    if (name.startsWith(TRASH_PREFIX)) {
                        deleteQuietly(entry);
                    } else if (name.endsWith(LOCK_SUFFIX) && !name.equals(PUBLISH_LOCK) && !HELD.contains(entry)) {
                        cleanSlot(entry, name.substring(0, name.length() - LOCK_SUFFIX.length()));
                    }
                }
            } catch (IOException e) {
                // left for the next publication
            }
        }
    }

    private void cleanSlot(Path lockFile, String id) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // its owner is alive
            }
            Path slot = directory.resolve(id);
            if (Files.isDirectory(slot, LinkOption.NOFOLLOW_LINKS)) {
                Path trash = directory.resolve(TRASH_PREFIX + id);
                Files.move(slot, trash, StandardCopyOption.ATOMIC_MOVE);
                deleteQuietly(trash);
            }
            Files.deleteIfExists(lockFile);
        } catch (IOException | OverlappingFileLockException e) {
            // in use, or left for the next publication
        }
    }

    /** Deletes {@code tree} without following links (a link is deleted, not its target); errors are ignored. */
    static void deleteQuietly(Path tree) {
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left for the next publication
        }
    }

    /** One publication's private directory, locked while it is open. */
    static final class Slot implements AutoCloseable {

        private final Path lockFile;
        private final FileChannel channel;
        private final FileLock lock;
        private final Path directory;

        private Slot(Path lockFile, FileChannel channel, FileLock lock, Path directory) {
            this.lockFile = lockFile;
            this.channel = channel;
            this.lock = lock;
            this.directory = directory;
        }

        /** The directory to stage the version in; it is renamed into place, or deleted on close. */
        Path directory() {
            return directory;
        }

        /** Deletes what is left of the slot (nothing after a successful rename), then its lock file. */
        @Override
        public void close() throws IOException {
            try {
                if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                    deleteQuietly(directory);
                }
                Files.deleteIfExists(lockFile);
                lock.release();
            } finally {
                channel.close();
                HELD.remove(lockFile);
            }
        }
    }
}
