package io.jenkins.plugins.promotiongates.core.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Promotion-Gates-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256 of
 * the exact body bytes, keyed with the UTF-8 bytes of the secret (as GitHub signs its webhooks).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Promotion-Gates-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body}: what a receiver checks, in constant time. */
    public static boolean matches(String secret, byte[] body, String header) {
        return header != null
                && MessageDigest.isEqual(
                        of(secret, body).getBytes(StandardCharsets.US_ASCII),
                        header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
