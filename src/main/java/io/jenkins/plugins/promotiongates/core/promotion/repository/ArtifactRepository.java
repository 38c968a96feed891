package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an environment's promoted artifacts go. Every implementation is immutable per version: it
 * never replaces an artifact with a different digest, and promoting the same digest again writes
 * nothing.
 */
public interface ArtifactRepository {

    /** The configuration string this repository was opened from, without credentials. */
    String describe();

    /** Where {@code coordinates} is or would be stored: a path or URL, for messages and records. */
    String location(ArtifactCoordinates coordinates);

    /**
     * The SHA-256 (lower-case hex) of what is stored under {@code coordinates} now, if anything.
     *
     * @throws RepositoryException if the repository cannot be read
     */
    Optional<String> existingSha256(ArtifactCoordinates coordinates) throws RepositoryException;

    /**
     * Stores {@code file} under {@code coordinates}, reading it once, and checks while reading that its
     * SHA-256 is {@code expectedSha256} (the digest the gates were evaluated for).
     *
     * @param record the promotion record to keep beside the artifact (UTF-8 JSON), where the repository
     *     keeps one
     * @throws RepositoryException refusing when a different digest is stored under {@code coordinates} or the
     *     file no longer has {@code expectedSha256}, or failing when the write fails; nothing partial is
     *     visible afterwards
     */
    Publication publish(ArtifactCoordinates coordinates, Path file, String expectedSha256, byte[] record)
            throws RepositoryException;
}
