package io.jenkins.plugins.promotiongates.core.signature.minisign;

import io.jenkins.plugins.promotiongates.core.signature.CommentedSignatureText;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A parsed {@code .minisig} file.
 *
 * @param prehashed {@code ED}: the signature is over BLAKE2b-512 of the file; {@code Ed}: over the file itself (legacy)
 * @param keyNumber the signing key's 8-byte number
 * @param signature the 64-byte Ed25519 signature
 * @param trustedComment the trusted comment, covered by the global signature
 * @param globalSignature Ed25519 over {@code signature || trustedComment}
 */
record MinisignSignature(
        boolean prehashed, byte[] keyNumber, byte[] signature, String trustedComment, byte[] globalSignature) {

    private static final String TRUSTED_COMMENT = "trusted comment: ";
    private static final String REMEDY = "Give the .minisig file exactly as 'minisign -S' wrote it.";

    /** Whether the bytes have minisign's layout: comment, signature, trusted comment. */
    static boolean looksLike(byte[] bytes) {
        try {
            CommentedSignatureText text = CommentedSignatureText.parse(bytes, "minisign");
            return new String(text.rest(), StandardCharsets.UTF_8).startsWith(TRUSTED_COMMENT);
        } catch (SignatureRejectedException e) {
            return false;
        }
    }

    static MinisignSignature parse(byte[] bytes) throws SignatureRejectedException {
        CommentedSignatureText text = CommentedSignatureText.parse(bytes, "minisign");
        byte[] decoded = text.decoded();
        if (decoded.length != 74) {
            throw new SignatureRejectedException(
                    "the signature line decodes to " + decoded.length + " bytes instead of 74", REMEDY);
        }
        boolean prehashed;
        if (decoded[0] == 'E' && decoded[1] == 'D') {
            prehashed = true;
        } else if (decoded[0] == 'E' && decoded[1] == 'd') {
            prehashed = false;
        } else {
            throw new SignatureRejectedException(
                    "the signature algorithm is neither 'ED' (prehashed) nor 'Ed' (legacy)", REMEDY);
        }
        String[] lines = new String(text.rest(), StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 2 || !lines[0].startsWith(TRUSTED_COMMENT)) {
            throw new SignatureRejectedException("the 'trusted comment:' line is missing", REMEDY);
        }
        String trusted = stripCarriageReturn(lines[0].substring(TRUSTED_COMMENT.length()));
        byte[] global;
        try {
            global = Base64.getDecoder().decode(lines[1].strip());
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("the global signature line is not valid base64", REMEDY);
        }
        if (global.length != 64) {
            throw new SignatureRejectedException(
                    "the global signature decodes to " + global.length + " bytes instead of 64", REMEDY);
        }
        return new MinisignSignature(
                prehashed, Arrays.copyOfRange(decoded, 2, 10), Arrays.copyOfRange(decoded, 10, 74), trusted, global);
    }

    /** The bytes the global signature covers. */
    byte[] globalSignedData() {
        byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(signature, signature.length + comment.length);
        System.arraycopy(comment, 0, data, signature.length, comment.length);
        return data;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
