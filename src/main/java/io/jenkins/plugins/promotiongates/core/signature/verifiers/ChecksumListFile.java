package io.jenkins.plugins.promotiongates.core.signature.verifiers;

import java.nio.file.Path;

/**
 * A resolved checksum list that a signature signs and that names the artifact.
 *
 * @param name the file as the user named it
 * @param path the resolved file (already confined or checked by the caller)
 */
public record ChecksumListFile(String name, Path path) {}
