package io.jenkins.plugins.promotiongates.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text layout minisign and signify share: an {@code untrusted comment:} line, then a line of
 * base64, then whatever the format puts after it.
 *
 * @param untrustedComment the first line's comment (not covered by any signature)
 * @param decoded the second line, decoded
 * @param rest the bytes after the second line's newline (empty if none)
 */
public record CommentedSignatureText(String untrustedComment, byte[] decoded, byte[] rest) {

    public static final String UNTRUSTED_COMMENT = "untrusted comment: ";

    /** The longest line either tool writes (minisign and signify cap comments at 1024 bytes). */
    private static final int MAX_LINE = 2048;

    public CommentedSignatureText {
        decoded = decoded.clone();
        rest = rest.clone();
    }

    @Override
    public byte[] decoded() {
        return decoded.clone();
    }

    @Override
    public byte[] rest() {
        return rest.clone();
    }

    /** Whether {@code bytes} start with {@code untrusted comment: }. */
    public static boolean startsWithUntrustedComment(byte[] bytes) {
        byte[] prefix = UNTRUSTED_COMMENT.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param tool the tool's name for messages, {@code minisign} or {@code signify}
     * @throws SignatureRejectedException if the layout is not there
     */
    public static CommentedSignatureText parse(byte[] bytes, String tool) throws SignatureRejectedException {
        String remedy = "Give the " + tool + " signature file as " + tool + " wrote it, unmodified.";
        if (!startsWithUntrustedComment(bytes)) {
            throw new SignatureRejectedException(
                    "the signature file does not start with '" + UNTRUSTED_COMMENT.trim() + "', so it is not a " + tool
                            + " signature",
                    remedy);
        }
        int firstEnd = indexOf(bytes, (byte) '\n', 0);
        if (firstEnd < 0) {
            throw new SignatureRejectedException("the signature file ends after its comment line", remedy);
        }
        int secondEnd = indexOf(bytes, (byte) '\n', firstEnd + 1);
        if (secondEnd < 0) {
            throw new SignatureRejectedException("the signature line is not terminated by a newline", remedy);
        }
        if (firstEnd > MAX_LINE || secondEnd - firstEnd > MAX_LINE) {
            throw new SignatureRejectedException("a line of the signature file is too long", remedy);
        }
        String comment = new String(
                        bytes,
                        UNTRUSTED_COMMENT.length(),
                        firstEnd - UNTRUSTED_COMMENT.length(),
                        StandardCharsets.UTF_8)
                .strip();
        String line = new String(bytes, firstEnd + 1, secondEnd - firstEnd - 1, StandardCharsets.US_ASCII).strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("the signature line is not valid base64", remedy);
        }
        byte[] rest = new byte[bytes.length - secondEnd - 1];
        System.arraycopy(bytes, secondEnd + 1, rest, 0, rest.length);
        return new CommentedSignatureText(comment, decoded, rest);
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
