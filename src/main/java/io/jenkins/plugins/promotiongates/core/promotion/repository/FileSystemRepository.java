package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.audit.Sha256;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A directory on a local or network file system. Content is stored once per digest in
 * {@code .store/sha256/<2 hex>/<64 hex>}; each version is a hard link to it at
 * {@code <name>/<version>/<name>}, beside {@code <name>.sha256} (sha256sum format) and
 * {@code <name>.promotion.json}. Writes are durable and all-or-nothing (see {@link AtomicFiles}); a
 * version, once written, is never replaced.
 *
 * <p>Confined: the repository never creates a symbolic link, so it refuses any it meets (the root, a
 * directory under it, a version file, a sidecar, a stored blob) rather than follow it out of the root
 * (see {@link ConfinedTree}); and it trusts nothing it finds by name: a blob already in the store is
 * hashed again before a version is linked to it, and an existing version is hashed before it counts as
 * the same digest.
 */
public final class FileSystemRepository implements ArtifactRepository {

    private static final int MAX_SIDECAR_BYTES = 4096;
    private static final Path STORE = Path.of(".store", "sha256");
    private static final String VERSION_FILE = "the version's artifact";

    private final ConfinedTree tree;
    private final Path root;

    /**
     * @param root the repository directory; it must exist (a missing network mount must not be
     *     silently replaced by a local directory) and must not be a symbolic link
     * @throws RepositoryException if it does not exist, is not a directory or is a symbolic link
     */
    public FileSystemRepository(Path root) throws RepositoryException {
        this.tree = new ConfinedTree(root.toAbsolutePath().normalize());
        this.root = tree.root();
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    @Override
    public String location(Release release) {
        return release.files().size() == 1
                ? location(new ArtifactCoordinates(release.files().get(0).name(), release.version()))
                : root.toString();
    }

    @Override
    public Map<String, ArtifactDigest> stored(Release release) throws RepositoryException {
        Map<String, ArtifactDigest> stored = new TreeMap<>();
        for (ReleaseFile file : release.files()) {
            existingDigest(new ArtifactCoordinates(file.name(), release.version()))
                    .ifPresent(digest -> stored.put(file.name(), digest));
        }
        return stored;
    }

    @Override
    public Publication publish(Release release, ReleaseContent content, byte[] record) throws RepositoryException {
        boolean written = false;
        long size = 0;
        for (ReleaseFile file : release.files()) {
            Publication one = publish(
                    new ArtifactCoordinates(file.name(), release.version()), content.of(file), file.digest(), record);
            written |= one.stored();
            size += Math.max(0, one.size());
        }
        return new Publication(written, location(release), size);
    }

    /** Where the file {@code coordinates} is or would be stored. */
    public String location(ArtifactCoordinates coordinates) {
        return versionPath(coordinates).toString();
    }

    /** The SHA-256 of what is stored under {@code coordinates} now, if anything. */
    public Optional<ArtifactDigest> existingDigest(ArtifactCoordinates coordinates) throws RepositoryException {
        Optional<String> hex = existingHex(coordinates);
        return hex.map(value -> ArtifactDigest.ofHex(DigestAlgorithm.SHA256, value, location(coordinates)));
    }

    private Optional<String> existingHex(ArtifactCoordinates coordinates) throws RepositoryException {
        Path file = versionPath(coordinates);
        try {
            if (tree.existingDirectory(versionDirectory(coordinates)).isEmpty()
                    || !ConfinedTree.regularFileExists(file, VERSION_FILE)) {
                return Optional.empty();
            }
            Optional<String> recorded = sidecarDigest(coordinates);
            return recorded.isPresent() ? recorded : Optional.of(sha256(file));
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot read " + file + ": " + e.getMessage()
                            + ". Check that the repository directory is mounted and readable.",
                    e);
        }
    }

    /** Publishes one file; see {@link #publish(Release, ReleaseContent, byte[])}. */
    public Publication publish(
            ArtifactCoordinates coordinates, ArtifactContent content, ArtifactDigest approved, byte[] record)
            throws RepositoryException {
        String expectedSha256 = approved.hex();
        Path target = versionPath(coordinates);
        try {
            if (tree.existingDirectory(versionDirectory(coordinates)).isPresent()) {
                // refuse a planted link before anything is written, not halfway through
                ConfinedTree.regularFileExists(sidecar(coordinates, ".sha256"), "the version's checksum file");
                ConfinedTree.regularFileExists(sidecar(coordinates, ".promotion.json"), "the version's record");
                if (ConfinedTree.regularFileExists(target, VERSION_FILE)) {
                    return alreadyThere(coordinates, approved, record);
                }
            }
            Path blob = blobPath(expectedSha256);
            Object blobKey = storedBlob(content, coordinates, approved);
            tree.directory(versionDirectory(coordinates));
            if (!link(blob, target)) {
                return alreadyThere(coordinates, approved, record);
            }
            if (!Objects.equals(fileKey(target), blobKey)) {
                Files.deleteIfExists(target);
                throw new RepositoryException(
                        "Refusing to publish " + coordinates + ": the content store file " + blob + " was replaced"
                                + " while it was being linked to " + target + "; the link was removed and nothing"
                                + " was published. Check who else writes " + root + ", then promote again.",
                        true);
            }
            writeSidecars(coordinates, expectedSha256, record);
            return new Publication(true, target.toString(), Files.size(target));
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Writing " + coordinates + " to " + target + " failed: " + e
                            + ". Nothing partial is visible; check free space and write permission on " + root
                            + ", then promote again.",
                    e);
        }
    }

    /**
     * Makes sure the store holds the approved bytes under their digest: an existing blob is hashed again
     * (a planted or altered one is refused), a missing one is written from {@code content}, checked,
     * then renamed into place.
     *
     * @return the blob's file key (its inode), to check that the version is linked to these very bytes
     */
    private Object storedBlob(ArtifactContent content, ArtifactCoordinates coordinates, ArtifactDigest approved)
            throws IOException {
        String expectedSha256 = approved.hex();
        tree.directory(STORE.resolve(expectedSha256.substring(0, 2)));
        Path blob = blobPath(expectedSha256);
        if (ConfinedTree.regularFileExists(blob, "the content store's copy of sha256 " + expectedSha256)) {
            Object key = fileKey(blob);
            String stored = sha256(blob);
            if (!Sha256.same(stored, expectedSha256) || !Objects.equals(fileKey(blob), key)) {
                throw new RepositoryException(
                        "Refusing to reuse " + blob + ": the content store keeps the bytes of sha256 "
                                + expectedSha256 + " under that name, but the file holds sha256 " + stored
                                + ". It was altered or placed there by something other than a promotion, which"
                                + " checks the digest before it names a file. Nothing was published. Move the file"
                                + " out of the store (keep it for investigation), then promote again: the artifact"
                                + " will be stored afresh.",
                        true);
            }
            return key;
        }
        AtomicFiles.Staged staged = AtomicFiles.stage(content, coordinates, blob);
        try {
            HashingCopy.requireApproved(
                    staged.copied(),
                    approved,
                    coordinates,
                    versionPath(coordinates).toString());
            AtomicFiles.moveIntoPlace(staged.temp(), blob);
        } finally {
            Files.deleteIfExists(staged.temp());
        }
        if (!blob.toFile().setReadOnly() && Files.isWritable(blob)) {
            throw new IOException("Could not make the stored copy " + blob + " read-only; check that the"
                    + " repository's file system supports read-only files and that the controller's user owns it.");
        }
        return fileKey(blob);
    }

    private Publication alreadyThere(ArtifactCoordinates coordinates, ArtifactDigest approved, byte[] record)
            throws IOException {
        Path target = versionPath(coordinates);
        String expectedSha256 = approved.hex();
        String existing = sha256(target);
        if (!Sha256.same(existing, expectedSha256)) {
            throw new RepositoryException(
                    "Refusing to overwrite " + target + ": " + coordinates + " already holds sha256 " + existing
                            + ", and this artifact is sha256 " + expectedSha256 + ". A promoted version is"
                            + " immutable; promote this artifact under a new version.",
                    true);
        }
        writeSidecars(coordinates, expectedSha256, record);
        return new Publication(false, target.toString(), Files.size(target));
    }

    private boolean link(Path blob, Path target) throws IOException {
        try {
            return AtomicFiles.linkIfAbsent(blob, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) {
                return false;
            }
            throw new RepositoryException(
                    "Cannot create the hard link " + target + " to " + blob + ": " + e
                            + ". The file repository needs a file system with hard links (any POSIX file"
                            + " system, NFS, SMB with Unix extensions); use one, or a Maven repository.",
                    false);
        }
    }

    private void writeSidecars(ArtifactCoordinates coordinates, String sha256, byte[] record) throws IOException {
        Path target = versionPath(coordinates);
        AtomicFiles.writeIfAbsent(
                sidecar(coordinates, ".sha256"),
                (sha256 + "  " + coordinates.name() + "\n").getBytes(StandardCharsets.UTF_8));
        if (record != null) {
            AtomicFiles.writeIfAbsent(target.resolveSibling(coordinates.name() + ".promotion.json"), record);
        }
    }

    private Optional<String> sidecarDigest(ArtifactCoordinates coordinates) throws IOException {
        Path sidecar = sidecar(coordinates, ".sha256");
        if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) || Files.size(sidecar) > MAX_SIDECAR_BYTES) {
            return Optional.empty();
        }
        String text = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
        String hex = text.length() >= 64 ? text.substring(0, 64) : "";
        return Sha256.isHex(hex) ? Optional.of(hex) : Optional.empty();
    }

    private static Path versionDirectory(ArtifactCoordinates coordinates) {
        return Path.of(coordinates.name(), coordinates.version());
    }

    private Path versionPath(ArtifactCoordinates coordinates) {
        return root.resolve(versionDirectory(coordinates)).resolve(coordinates.name());
    }

    private Path sidecar(ArtifactCoordinates coordinates, String suffix) {
        return versionPath(coordinates).resolveSibling(coordinates.name() + suffix);
    }

    /** Where the content with {@code sha256} is stored once. */
    Path blobPath(String sha256) {
        return root.resolve(STORE).resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    /** Hashes a regular file, refusing (through {@code O_NOFOLLOW}) to open a link in its place. */
    private static String sha256(Path file) throws IOException {
        return new StreamingDigester()
                .digest(file, List.of(DigestAlgorithm.SHA256))
                .hex(DigestAlgorithm.SHA256);
    }
}
