package io.jenkins.plugins.promotiongates.core.promotion.repository;

/**
 * What a repository did with one release.
 *
 * @param stored {@code true} when at least one file was written; {@code false} when every file was
 *     already there with its digest under this version (a recorded no-op)
 * @param location where the release is now: a directory path or URL
 * @param size the release's total size in bytes
 */
public record Publication(boolean stored, String location, long size) {}
