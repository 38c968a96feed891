package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file once, in fixed-size chunks, feeding every requested digest and any further
 * {@link ByteSink} from the same buffer. Heap use is constant in the file size.
 */
public final class StreamingDigester {

    /** Default chunk: large enough to amortise system calls, small enough to stay in cache. */
    public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;

    public static final int MIN_BUFFER_SIZE = 64 * 1024;
    public static final int MAX_BUFFER_SIZE = 1024 * 1024;

    private final int bufferSize;

    public StreamingDigester() {
        this(DEFAULT_BUFFER_SIZE);
    }

    /**
     * @param bufferSize chunk size between {@link #MIN_BUFFER_SIZE} and {@link #MAX_BUFFER_SIZE}
     */
    public StreamingDigester(int bufferSize) {
        if (bufferSize < MIN_BUFFER_SIZE || bufferSize > MAX_BUFFER_SIZE) {
            throw new IllegalArgumentException(
                    "Buffer size " + bufferSize + " is outside " + MIN_BUFFER_SIZE + ".." + MAX_BUFFER_SIZE + " bytes");
        }
        this.bufferSize = bufferSize;
    }

    /**
     * Digests an artifact given relative to a confining root; the path is checked before it is
     * opened.
     */
    public Digests digest(
            ConfinedPath root, String relativePath, Collection<DigestAlgorithm> algorithms, ByteSink... sinks)
            throws IOException {
        return digest(root.resolveFile(relativePath), algorithms, sinks);
    }

    /**
     * Digests an already-resolved file. Symbolic links are not followed at open time: callers
     * resolve user input through {@link ConfinedPath} first.
     */
    public Digests digest(Path file, Collection<DigestAlgorithm> algorithms, ByteSink... sinks) throws IOException {
        return digest(ArtifactContent.of(file), algorithms, sinks);
    }

    /** Digests an artifact's content in one read. */
    public Digests digest(ArtifactContent content, Collection<DigestAlgorithm> algorithms, ByteSink... sinks)
            throws IOException {
        try (InputStream in = content.open()) {
            return digest(in, algorithms, sinks);
        }
    }

    /**
     * Digests a stream to its end, in chunks of this digester's buffer size, feeding every sink from the
     * same buffer. The stream is not closed.
     */
    public Digests digest(InputStream in, Collection<DigestAlgorithm> algorithms, ByteSink... sinks)
            throws IOException {
        Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : algorithms) {
            digests.put(algorithm, algorithm.newMessageDigest());
        }
        List<ByteSink> allSinks = new ArrayList<>(digests.size() + sinks.length);
        for (MessageDigest digest : digests.values()) {
            allSinks.add(digest::update);
        }
        allSinks.addAll(List.of(sinks));

        long size = 0;
        byte[] chunk = new byte[bufferSize];
        int read;
        while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
            for (ByteSink sink : allSinks) {
                sink.accept(chunk, 0, read);
            }
            size += read;
        }
        Map<DigestAlgorithm, byte[]> values = new EnumMap<>(DigestAlgorithm.class);
        digests.forEach((algorithm, digest) -> values.put(algorithm, digest.digest()));
        return new Digests(size, values);
    }
}
