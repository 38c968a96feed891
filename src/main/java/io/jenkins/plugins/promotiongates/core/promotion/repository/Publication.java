package io.jenkins.plugins.promotiongates.core.promotion.repository;

/**
 * What a repository did with one promotion.
 *
 * @param stored {@code true} when the artifact was written; {@code false} when the same digest was already
 *     there under this version (a recorded no-op)
 * @param location where the artifact is now: a file path or URL
 * @param sha256 lower-case hex SHA-256 of the artifact at {@code location}
 * @param size its size in bytes
 */
public record Publication(boolean stored, String location, String sha256, long size) {}
