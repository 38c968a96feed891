package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;

/**
 * What a repository did with one promotion.
 *
 * @param stored {@code true} when the artifact was written; {@code false} when the same digest was already
 *     there under this version (a recorded no-op)
 * @param location where the artifact is now: a file path or URL
 * @param digest the digest of the artifact at {@code location} (the approved one: nothing else is published)
 * @param size its size in bytes
 */
public record Publication(boolean stored, String location, ArtifactDigest digest, long size) {}
