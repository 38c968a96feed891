package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of an artifact to publish, as a source of one stream: the controller streams them from an
 * agent's workspace ({@code FilePath.read()}) or from the run's archived artifacts
 * ({@code VirtualFile.open()}), so there need be no local file. A repository opens it at most once,
 * only when it has to write the bytes (never for a no-op, never for a record-only repository), reads
 * it to the end while hashing and closes it. Nothing here is trusted: the repository commits the bytes
 * only if they hash to the digest the gates were evaluated for.
 */
@FunctionalInterface
public interface ArtifactContent {

    /**
     * Opens the bytes; the repository closes the stream.
     *
     * @throws IOException if they cannot be read; nothing is published then
     */
    InputStream open() throws IOException;

    /** The bytes of a local file, opened without following a symbolic link at {@code file}. */
    static ArtifactContent of(Path file) {
        return () -> Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }
}
