package io.jenkins.plugins.promotiongates.core.evidence;

/**
 * How much of a hostile evidence file is read: at most {@code maxBytes} bytes, nested at most
 * {@code maxDepth} levels (JSON objects and arrays, XML elements). Past either, the file is refused with a
 * message naming the limit, before more is read or parsed.
 *
 * @param maxBytes the largest file read, in bytes
 * @param maxDepth the deepest nesting accepted
 */
public record EvidenceLimits(int maxBytes, int maxDepth) {

    /** 32 MiB and 64 levels: far above what Surefire, pytest, CycloneDX or SARIF generators write. */
    public static final EvidenceLimits DEFAULT = new EvidenceLimits(32 * 1024 * 1024, 64);

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public EvidenceLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("evidence maxBytes is " + maxBytes + "; it must be 1 or more");
        }
        if (maxDepth < 2 || maxDepth > 1000) {
            throw new IllegalArgumentException("evidence maxDepth is " + maxDepth + "; it must be from 2 to 1000");
        }
    }
}
