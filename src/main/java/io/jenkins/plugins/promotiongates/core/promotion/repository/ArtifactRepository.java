package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import java.util.Map;

/**
 * Where an environment's promoted releases go. Every implementation is immutable per version: it never
 * replaces a file with a different digest, and promoting the same release again writes nothing.
 */
public interface ArtifactRepository {

    /** The configuration string this repository was opened from, without credentials. */
    String describe();

    /** Where {@code release} is or would be stored: a path or URL, for messages and records. */
    String location(Release release);

    /**
     * What is stored now where {@code release}'s files would go: the SHA-256 of each of its files (by
     * name) that the repository already holds under its version. Files it does not hold are absent.
     *
     * @throws RepositoryException if the repository cannot be read
     */
    Map<String, ArtifactDigest> stored(Release release) throws RepositoryException;

    /**
     * Stores every file of {@code release}, reading each once from {@code content}, and makes them
     * visible only once all are complete, durable where the repository can say so, and hash to the
     * digests in the release (compared in constant time). Files already stored with their digest are
     * not opened.
     *
     * @param content the files' bytes, each opened at most once and closed by the repository
     * @param record the promotion record to keep beside the release (UTF-8 JSON); {@code null} for none.
     *     Every repository that stores the release keeps it (the file repository as {@code promotion.json},
     *     the Maven repository as the {@code promotion} classifier of type {@code json})
     * @param attestation the promotion's signed attestation (a DSSE envelope, canonical JSON) to keep
     *     beside the release, as the record; {@code null} for none
     * @throws RepositoryException refusing when a different digest is stored under one of the files, the
     *     bytes read do not hash to the release's digests, or the repository holds something it did not
     *     write (a symbolic link, a stored blob whose bytes do not match its name); or failing when reading
     *     or writing fails. Nothing partial is visible afterwards, or, where the repository cannot hide
     *     files, the exception says exactly which were uploaded
     */
    Publication publish(Release release, ReleaseContent content, byte[] record, byte[] attestation)
            throws RepositoryException;

    /** {@link #publish(Release, ReleaseContent, byte[], byte[])} without an attestation. */
    default Publication publish(Release release, ReleaseContent content, byte[] record) throws RepositoryException {
        return publish(release, content, record, null);
    }
}
