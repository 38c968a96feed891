package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * A file repository's content store: the bytes of each digest once, read-only, at
 * {@code .store/sha256/<2 hex>/<64 hex>}; versions are hard links to them. A blob gets its name only after
 * its bytes hashed to it, and a blob found by name is hashed again before it is reused, so a planted or
 * altered one is refused rather than published.
 */
final class ContentStore {

    private static final Path STORE = Path.of(".store", "sha256");

    private final ConfinedTree tree;

    ContentStore(ConfinedTree tree) {
        this.tree = tree;
    }

    /** Where the content with {@code sha256} is stored once. */
    Path blobPath(String sha256) {
        return tree.root().resolve(STORE).resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Makes sure the store holds the approved bytes under their digest: an existing blob is hashed again
     * (a planted or altered one is refused), a missing one is written from {@code content} (opened only
     * then), checked, then renamed into place.
     *
     * @param scratch a private directory on the repository's file system for the bytes being written
     * @param destination where the bytes are going, for messages
     * @return the blob's file key (its inode), to check that a version is linked to these very bytes
     */
    Object store(
            ArtifactContent content,
            ArtifactCoordinates coordinates,
            ArtifactDigest approved,
            Path scratch,
            String destination)
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
        AtomicFiles.Staged staged = AtomicFiles.stage(content, coordinates, scratch);
        try {
            HashingCopy.requireApproved(staged.copied(), approved, coordinates, destination);
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

    static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    /** Hashes a regular file, refusing (through {@code O_NOFOLLOW}) to open a link in its place. */
    static String sha256(Path file) throws IOException {
        return new StreamingDigester()
                .digest(file, List.of(DigestAlgorithm.SHA256))
                .hex(DigestAlgorithm.SHA256);
    }
}
