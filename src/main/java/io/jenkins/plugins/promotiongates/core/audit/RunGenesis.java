package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.CanonicalInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A run chain's genesis computed on bytes, without Jackson, from the job name as it appears in a
 * canonical ledger line: the SHA-256 of
 * {@code {"build":N,"genesis":"promotion-gates-run","job":"<job>"}}. The canonical form of a string
 * is unique, so the job's bytes between the quotes of a canonical line are exactly the bytes that
 * {@link RunKey#genesis()} writes for it.
 */
final class RunGenesis {

    private static final byte[] BUILD = "{\"build\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JOB =
            (",\"genesis\":\"" + RunKey.GENESIS_TAG + "\",\"job\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);

    private RunGenesis() {}

    /**
     * The 32-byte genesis of build {@code build} of the job whose canonical string form, quotes
     * excluded, is {@code job[at, at + length)}.
     */
    static byte[] of(long build, byte[] job, int at, int length, MessageDigest digest) {
        byte[] number = new byte[20];
        int start = CanonicalInteger.write(build, number);
        digest.update(BUILD);
        digest.update(number, start, number.length - start);
        digest.update(JOB);
        digest.update(job, at, length);
        digest.update(END);
        return digest.digest();
    }
}
