package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.ByteSink;
import java.io.IOException;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Pure Ed25519 (signify {@code -S}, legacy minisign {@code Ed}) signs the whole message, and the
 * JDK's Ed25519 buffers the whole message before it verifies. This caps the artifact size so a
 * large artifact gets a clear refusal instead of an {@link OutOfMemoryError}.
 *
 * @param maxBytes the largest artifact verified this way
 */
public record WholeMessageLimit(long maxBytes) {

    /** 256 MiB: the JDK holds up to three copies while verifying, so this needs about 768 MiB of heap. */
    public static final WholeMessageLimit DEFAULT = new WholeMessageLimit(256L * 1024 * 1024);

    /** Copies the JDK may hold of the buffered message (growing buffer, its copy, the final array). */
    private static final int COPIES = 3;

    /**
     * Refuses an artifact of {@code size} bytes that is over the limit or would not fit in the free
     * heap.
     *
     * @param tool how the user signed, e.g. {@code signify -S}
     * @param remedy how to sign large artifacts instead
     */
    public void check(long size, String tool, String remedy) throws SignatureRejectedException {
        if (size > maxBytes) {
            throw new SignatureRejectedException(
                    "the artifact is " + size + " bytes; " + tool + " signs the whole file with pure Ed25519, which "
                            + "must be held in memory to verify, and the limit for that is " + maxBytes + " bytes",
                    remedy);
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (size > 0 && size > free / COPIES) {
            throw new SignatureRejectedException(
                    "the artifact is " + size + " bytes; " + tool + " signs the whole file with pure Ed25519, which "
                            + "must be held in memory to verify, and only " + free + " bytes of heap are free",
                    remedy + " Or give this JVM more heap (-Xmx).");
        }
    }

    /**
     * A sink that feeds {@code signature} and stops with an {@link IOException} if the file grows
     * past the limit while it is read.
     */
    public ByteSink sink(Signature signature) {
        long[] seen = {0};
        return (buffer, offset, length) -> {
            seen[0] += length;
            if (seen[0] > maxBytes) {
                throw new IOException("the artifact grew past " + maxBytes + " bytes while it was read");
            }
            try {
                signature.update(buffer, offset, length);
            } catch (SignatureException e) {
                throw new IllegalStateException("signature not initialised", e);
            }
        };
    }
}
