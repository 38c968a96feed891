package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one artifact as the engine reads them: a local file (the command line, tests), or bytes
 * the controller streams itself from an agent's workspace or from a run's archived artifacts. Whoever
 * reads it hashes and verifies in the same read, so a verdict is always about the bytes it hashed.
 */
@FunctionalInterface
public interface ArtifactContent {

    /** Opens the bytes from their start; every call reads them anew. */
    InputStream open() throws IOException;

    /**
     * The size in bytes as the source reports it, or -1 when it cannot tell: a hint to choose how to
     * verify (whole message or streamed), never evidence. Readers stop with an error when the bytes read
     * disagree with it.
     */
    default long size() throws IOException {
        return -1;
    }

    /**
     * A local, already-resolved file. Symbolic links are not followed when it is opened: callers
     * resolve user input through {@link ConfinedPath} first.
     */
    static ArtifactContent of(Path file) {
        return new ArtifactContent() {
            @Override
            public InputStream open() throws IOException {
                return Channels.newInputStream(
                        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            }

            @Override
            public long size() throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    return channel.size();
                }
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }

    /** Bytes already in memory (a small file read whole, such as a checksum list). */
    static ArtifactContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new ArtifactContent() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public long size() {
                return copy.length;
            }
        };
    }
}
