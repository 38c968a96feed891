package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory on a local or network file system. Each release is a version directory
 * {@code <application path>/<version>/} holding every file of the release, each beside its
 * {@code <file>.sha256} (sha256sum format), plus {@code release.json} (the release's canonical manifest)
 * {@code promotion.json} (the record) and {@code promotion.intoto.json} (the attestation); see {@link VersionDirectory}. The files are hard links into the
 * content store, which keeps the bytes of each digest once ({@link ContentStore}).
 *
 * <p>All or nothing: a version directory is staged whole in {@code .staging} on the same file system
 * ({@link StagingArea}), every file and directory fsync'd, then made visible by one {@code rename(2)} of
 * the directory, under the repository's {@link PublishLock}. A crash at any moment leaves the version
 * absent or complete; what a crash left in {@code .staging} is ignored by readers and deleted by the next
 * publication. A version, once visible, is never changed: the same release again is a no-op, another
 * release under that version is refused.
 *
 * <p>Confined: the repository never creates a symbolic link, so it refuses any it meets (the root, a
 * directory under it, a version file, a stored blob) rather than follow it out of the root (see
 * {@link ConfinedTree}); and it trusts nothing it finds by name: a blob already in the store is hashed
 * again before a version is linked to it, and an existing version is hashed before it counts as the same
 * release.
 */
public final class FileSystemRepository implements ArtifactRepository {

    private final ConfinedTree tree;
    private final Path root;
    private final ContentStore store;

    /**
     * @param root the repository directory; it must exist (a missing network mount must not be
     *     silently replaced by a local directory) and must not be a symbolic link
     * @throws RepositoryException if it does not exist, is not a directory or is a symbolic link
     */
    public FileSystemRepository(Path root) throws RepositoryException {
        this.tree = new ConfinedTree(root.toAbsolutePath().normalize());
        this.root = tree.root();
        this.store = new ContentStore(tree);
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    /** The version directory. */
    @Override
    public String location(Release release) {
        return root.resolve(versionPath(release)).toString();
    }

    @Override
    public Map<String, ArtifactDigest> stored(Release release) throws RepositoryException {
        VersionDirectory.requireNamesFree(release);
        try {
            Optional<Path> directory = tree.existingDirectory(versionPath(release));
            return directory.isPresent() ? VersionDirectory.stored(directory.get(), release) : Map.of();
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot read " + location(release) + ": " + e
                            + ". Check that the repository directory is mounted and readable.",
                    e);
        }
    }

    @Override
    public Publication publish(Release release, ReleaseContent content, byte[] record, byte[] attestation)
            throws RepositoryException {
        VersionDirectory.requireNamesFree(release);
        Path target = root.resolve(versionPath(release));
        try {
            Optional<Path> existing = tree.existingDirectory(versionPath(release));
            if (existing.isPresent() && !VersionDirectory.isEmpty(existing.get())) {
                return alreadyThere(release, target); // nothing is opened, staged or locked
            }
            StagingArea staging = new StagingArea(tree);
            staging.clean();
            try (StagingArea.Slot slot = staging.open()) {
                long size = stage(release, content, record, attestation, slot.directory());
                try (PublishLock lock = PublishLock.acquire(staging.publishLock())) {
                    Path parent = applicationDirectory(release);
                    if (!AtomicFiles.renameDirectory(slot.directory(), target)) {
                        return alreadyThere(release, target);
                    }
                    AtomicFiles.syncDirectory(parent);
                }
                return new Publication(true, target.toString(), size);
            }
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Writing " + release + " to " + target + " failed: " + e
                            + ". Nothing partial is visible; check free space and write permission on " + root
                            + ", then promote again.",
                    e);
        }
    }

    /**
     * Writes the whole version into {@code staging}: each file's bytes into the store (read from
     * {@code content} only if missing there), a hard link to them, its checksum file, the manifest and the
     * record; every file and the directory fsync'd.
     *
     * @return the release's size in bytes
     */
    private long stage(Release release, ReleaseContent content, byte[] record, byte[] attestation, Path staging)
            throws IOException {
        long size = 0;
        String destination = location(release);
        for (ReleaseFile file : release.files()) {
            ArtifactCoordinates coordinates = new ArtifactCoordinates(file.name(), release.version());
            Object key = store.store(() -> content.of(file).open(), coordinates, file.digest(), staging, destination);
            Path blob = store.blobPath(file.digest().hex());
            Path link = staging.resolve(file.name());
            link(blob, link);
            if (!Objects.equals(ContentStore.fileKey(link), key)) {
                throw new RepositoryException(
                        "Refusing to publish " + release + ": the content store file " + blob + " was replaced"
                                + " while it was being linked; nothing was published. Check who else writes " + root
                                + ", then promote again.",
                        true);
            }
            size += Files.size(link);
            AtomicFiles.writeNew(
                    staging.resolve(file.name() + VersionDirectory.CHECKSUM),
                    (file.digest().hex() + "  " + file.name() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.writeNew(staging.resolve(VersionDirectory.MANIFEST), release.manifest());
        if (record != null) {
            AtomicFiles.writeNew(staging.resolve(VersionDirectory.RECORD), record);
        }
        if (attestation != null) {
            AtomicFiles.writeNew(staging.resolve(VersionDirectory.ATTESTATION), attestation);
        }
        AtomicFiles.syncDirectory(staging);
        return size;
    }

    private Publication alreadyThere(Release release, Path target) throws IOException {
        Path directory = tree.existingDirectory(versionPath(release))
                .orElseThrow(() -> new IOException(target + " could not be renamed into place, and is not there"));
        VersionDirectory.requireSame(directory, release);
        long size = 0;
        for (ReleaseFile file : release.files()) {
            size += Files.size(directory.resolve(file.name()));
        }
        return new Publication(false, directory.toString(), size);
    }

    /**
     * The application's directory, created if missing; refused if one of its directories is a version of
     * another application ({@code shop/1.0} is a version of {@code shop}, so it cannot hold the application
     * {@code shop/1.0}'s versions). Called under the {@link PublishLock}, so no version appears meanwhile.
     */
    private Path applicationDirectory(Release release) throws IOException {
        Path application = Path.of(release.application());
        for (int i = 1; i <= application.getNameCount(); i++) {
            Optional<Path> existing = tree.existingDirectory(application.subpath(0, i));
            if (existing.isPresent() && VersionDirectory.isVersion(existing.get())) {
                throw new RepositoryException(
                        "Refusing to publish " + release + ": " + existing.get() + " is a version directory (it"
                                + " holds " + VersionDirectory.MANIFEST + "), so it cannot also hold versions of the"
                                + " application " + release.application() + ". Nothing was published. Name the"
                                + " application differently (application: '...').",
                        true);
            }
        }
        return tree.directory(application);
    }

    private static void link(Path blob, Path link) throws IOException {
        try {
            Files.createLink(link, blob);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException already) {
                throw already;
            }
            throw new RepositoryException(
                    "Cannot create the hard link " + link + " to " + blob + ": " + e
                            + ". The file repository needs a file system with hard links (any POSIX file"
                            + " system, NFS, SMB with Unix extensions); use one, or a Maven repository.",
                    false);
        }
    }

    private static Path versionPath(Release release) {
        return Path.of(release.application()).resolve(release.version());
    }

    /** Where the content with {@code sha256} is stored once. */
    Path blobPath(String sha256) {
        return store.blobPath(sha256);
    }
}
