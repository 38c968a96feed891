package io.jenkins.plugins.promotiongates.core.signature.raw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A raw signature file is either the signature's bytes ({@code openssl dgst -sign}) or their
 * base64 text ({@code cosign sign-blob}, {@code openssl base64}); which one cannot always be told
 * apart, so both readings are tried.
 */
final class SignatureEncodings {

    private SignatureEncodings() {}

    /** The binary reading, then the base64 reading when the file is valid base64. */
    static List<byte[]> candidates(byte[] file) {
        List<byte[]> candidates = new ArrayList<>(2);
        candidates.add(file);
        String text = new String(file, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        if (!text.isEmpty() && text.matches("[A-Za-z0-9+/=_-]+")) {
            try {
                byte[] decoded = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(text)
                        : Base64.getDecoder().decode(text);
                if (decoded.length > 0) {
                    candidates.add(decoded);
                }
            } catch (IllegalArgumentException notBase64) {
                // only the binary reading remains
            }
        }
        return candidates;
    }
}
