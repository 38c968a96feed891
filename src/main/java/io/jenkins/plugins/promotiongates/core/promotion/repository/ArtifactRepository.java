package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
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
     * The SHA-256 of what is stored under {@code coordinates} now, if anything.
     *
     * @throws RepositoryException if the repository cannot be read
     */
    Optional<ArtifactDigest> existingDigest(ArtifactCoordinates coordinates) throws RepositoryException;

    /**
     * Stores the bytes of {@code content} under {@code coordinates}, reading them once, and makes them
     * visible only once they are complete, durable where the repository can say so, and hash to
     * {@code approved} (the digest the gates were evaluated for), compared in constant time.
     * When {@code coordinates} already holds {@code approved}, {@code content} is not opened.
     *
     * @param content the artifact's bytes, opened at most once and closed by the repository
     * @param approved the approved SHA-256 digest
     * @param record the promotion record to keep beside the artifact (UTF-8 JSON), where the repository
     *     keeps one (the file repository does); {@code null} for none
     * @throws RepositoryException refusing when a different digest is stored under {@code coordinates}, the
     *     bytes read do not hash to {@code approved}, or the repository holds something it did not
     *     write (a symbolic link, a stored blob whose bytes do not match its name); or failing when reading
     *     or writing fails. Nothing partial is visible afterwards
     */
    Publication publish(
            ArtifactCoordinates coordinates, ArtifactContent content, ArtifactDigest approved, byte[] record)
            throws RepositoryException;
}
