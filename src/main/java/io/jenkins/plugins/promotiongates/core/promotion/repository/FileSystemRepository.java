package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A directory on a local or network file system. Content is stored once per digest in
 * {@code .store/sha256/<2 hex>/<64 hex>}; each version is a hard link to it at
 * {@code <name>/<version>/<name>}, beside {@code <name>.sha256} (sha256sum format) and
 * {@code <name>.promotion.json}. Writes are durable and all-or-nothing (see {@link AtomicFiles}); a
 * version, once written, is never replaced.
 */
public final class FileSystemRepository implements ArtifactRepository {

    private static final int MAX_SIDECAR_BYTES = 4096;

    private final Path root;

    /**
     * @param root the repository directory; it must exist (a missing network mount must not be
     *     silently replaced by a local directory)
     * @throws RepositoryException if it does not exist or is not a directory
     */
    public FileSystemRepository(Path root) throws RepositoryException {
        if (!Files.isDirectory(root)) {
            throw new RepositoryException(
                    "The file repository directory " + root + " does not exist or is not a directory."
                            + " Create it (and mount it, if it is a network file system) on the machine that"
                            + " promotes, or correct the environment's repository setting.",
                    false);
        }
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    @Override
    public String location(ArtifactCoordinates coordinates) {
        return versionPath(coordinates).toString();
    }

    @Override
    public Optional<String> existingSha256(ArtifactCoordinates coordinates) throws RepositoryException {
        Path file = versionPath(coordinates);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Optional<String> recorded = sidecarDigest(coordinates);
            return recorded.isPresent() ? recorded : Optional.of(sha256(file));
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot read " + file + ": " + e.getMessage()
                            + ". Check that the repository directory is mounted and readable.",
                    e);
        }
    }

    @Override
    public Publication publish(ArtifactCoordinates coordinates, Path file, String expectedSha256, byte[] record)
            throws RepositoryException {
        Sha256Hex.require(expectedSha256);
        Path target = versionPath(coordinates);
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return alreadyThere(coordinates, expectedSha256, record);
            }
            Path blob = blobPath(expectedSha256);
            AtomicFiles.createDirectories(blob.getParent());
            if (!Files.exists(blob)) {
                store(file, blob, expectedSha256, coordinates);
            }
            AtomicFiles.createDirectories(target.getParent());
            if (!link(blob, target)) {
                return alreadyThere(coordinates, expectedSha256, record);
            }
            writeSidecars(coordinates, expectedSha256, record);
            return new Publication(true, target.toString(), expectedSha256, Files.size(target));
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

    private void store(Path file, Path blob, String expectedSha256, ArtifactCoordinates coordinates)
            throws IOException {
        AtomicFiles.Copied copy = AtomicFiles.copyToTemporary(file, blob, List.of(DigestAlgorithm.SHA256));
        String copied = copy.digests().hex(DigestAlgorithm.SHA256);
        if (!Sha256Hex.equal(copied, expectedSha256)) {
            Files.deleteIfExists(copy.temp());
            throw new RepositoryException(
                    "The artifact " + file + " changed after its gates were evaluated: it was sha256 "
                            + expectedSha256 + " and is now sha256 " + copied + "; nothing was written to "
                            + versionPath(coordinates) + ". Make sure nothing rewrites the file during"
                            + " promoteArtifact, then promote again.",
                    true);
        }
        AtomicFiles.moveIntoPlace(copy.temp(), blob);
        blob.toFile().setReadOnly();
    }

    private Publication alreadyThere(ArtifactCoordinates coordinates, String expectedSha256, byte[] record)
            throws IOException {
        Path target = versionPath(coordinates);
        Path blob = blobPath(expectedSha256);
        boolean same = (Files.exists(blob) && Files.isSameFile(blob, target))
                || Sha256Hex.equal(sha256(target), expectedSha256);
        if (!same) {
            String existing = sidecarDigest(coordinates).orElse(sha256(target));
            throw new RepositoryException(
                    "Refusing to overwrite " + target + ": " + coordinates + " already holds sha256 " + existing
                            + ", and this artifact is sha256 " + expectedSha256 + ". A promoted version is"
                            + " immutable; promote this artifact under a new version.",
                    true);
        }
        writeSidecars(coordinates, expectedSha256, record);
        return new Publication(false, target.toString(), expectedSha256, Files.size(target));
    }

    private boolean link(Path blob, Path target) throws IOException {
        try {
            return AtomicFiles.linkIfAbsent(blob, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
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
        return Sha256Hex.isValid(hex) ? Optional.of(hex) : Optional.empty();
    }

    private Path versionPath(ArtifactCoordinates coordinates) {
        return root.resolve(coordinates.name()).resolve(coordinates.version()).resolve(coordinates.name());
    }

    private Path sidecar(ArtifactCoordinates coordinates, String suffix) {
        return versionPath(coordinates).resolveSibling(coordinates.name() + suffix);
    }

    /** Where the content with {@code sha256} is stored once. */
    Path blobPath(String sha256) {
        return root.resolve(".store")
                .resolve("sha256")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256);
    }

    private static String sha256(Path file) throws IOException {
        return new StreamingDigester()
                .digest(file, List.of(DigestAlgorithm.SHA256))
                .hex(DigestAlgorithm.SHA256);
    }
}
