package io.jenkins.plugins.promotiongates.core.signature.signify;

import io.jenkins.plugins.promotiongates.core.signature.CommentedSignatureText;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A parsed signify signature: detached ({@code signify -S}) or with the signed message embedded
 * after it ({@code signify -S -e}, as used for signed checksum lists checked by {@code signify -C}).
 *
 * @param keyNumber the signing key's 8-byte number
 * @param signature the 64-byte Ed25519 signature
 * @param embeddedMessage the embedded message, or empty for a detached signature
 */
record SignifySignature(byte[] keyNumber, byte[] signature, byte[] embeddedMessage) {

    private static final String REMEDY = "Give the .sig file exactly as 'signify -S' wrote it.";

    /** signify's layout, excluding minisign's (which has a {@code trusted comment:} line). */
    static boolean looksLike(byte[] bytes) {
        try {
            parse(bytes);
            return !new String(bytes, StandardCharsets.ISO_8859_1).contains("\ntrusted comment: ");
        } catch (SignatureRejectedException e) {
            return false;
        }
    }

    static SignifySignature parse(byte[] bytes) throws SignatureRejectedException {
        CommentedSignatureText text = CommentedSignatureText.parse(bytes, "signify");
        byte[] decoded = text.decoded();
        if (decoded.length != 74) {
            throw new SignatureRejectedException(
                    "the signature line decodes to " + decoded.length + " bytes instead of 74", REMEDY);
        }
        if (decoded[0] != 'E' || decoded[1] != 'd') {
            throw new SignatureRejectedException("the signature algorithm is not 'Ed' (Ed25519)", REMEDY);
        }
        return new SignifySignature(
                Arrays.copyOfRange(decoded, 2, 10), Arrays.copyOfRange(decoded, 10, 74), text.rest());
    }

    boolean embedded() {
        return embeddedMessage.length > 0;
    }
}
