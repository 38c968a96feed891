package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.CanonicalInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Computes ledger link hashes on bytes, without building strings: the SHA-256 of the canonical
 * {@code {"event":"<event hash>","prev":"<prev>","seq":N}}. Hex digests and an integer need no
 * escaping, so the canonical text is a fixed template. Not thread-safe: one per thread.
 */
final class LinkHasher {

    private static final byte[] EVENT = "{\"event\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREV = "\",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "\",\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest;
    private final byte[] number = new byte[20];

    LinkHasher(MessageDigest digest) {
        this.digest = digest;
    }

    /**
     * The 32-byte link hash of entry {@code seq} whose event hash is {@code event[eventAt, eventAt +
     * 64)} and whose {@code prev} is {@code prev[prevAt, prevAt + 64)} (lower-case hex digits).
     */
    byte[] hash(long seq, byte[] prev, int prevAt, byte[] event, int eventAt) {
        digest.update(EVENT);
        digest.update(event, eventAt, 64);
        digest.update(PREV);
        digest.update(prev, prevAt, 64);
        digest.update(SEQ);
        int start = CanonicalInteger.write(seq, number);
        digest.update(number, start, number.length - start);
        digest.update((byte) '}');
        return digest.digest();
    }
}
