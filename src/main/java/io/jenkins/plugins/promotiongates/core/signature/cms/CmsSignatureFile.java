package io.jenkins.plugins.promotiongates.core.signature.cms;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/** Reads a detached CMS / PKCS#7 signature, DER or PEM ({@code CMS}, {@code PKCS7} armor). */
final class CmsSignatureFile {

    private static final byte[] SIGNED_DATA_OID = {
        0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02
    };
    private static final String REMEDY =
            "Give the detached signature made by openssl cms -sign -binary (DER with -outform DER, or PEM).";

    private CmsSignatureFile() {}

    static boolean looksLikeCms(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 64), StandardCharsets.US_ASCII).stripLeading();
        if (head.startsWith("-----BEGIN CMS-----") || head.startsWith("-----BEGIN PKCS7-----")) {
            return true;
        }
        if (file.length < 16 || file[0] != 0x30) {
            return false;
        }
        for (int i = 1; i + SIGNED_DATA_OID.length <= Math.min(file.length, 24); i++) {
            if (java.util.Arrays.equals(
                    file, i, i + SIGNED_DATA_OID.length, SIGNED_DATA_OID, 0, SIGNED_DATA_OID.length)) {
                return true;
            }
        }
        return false;
    }

    /** The DER encoding of the signature file. */
    static byte[] der(byte[] file) throws SignatureRejectedException {
        if (file.length == 0) {
            throw new SignatureRejectedException("is empty", REMEDY);
        }
        String text = new String(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            return file;
        }
        int bodyStart = text.indexOf('\n', begin);
        int end = text.indexOf("-----END ", Math.max(bodyStart, 0));
        if (bodyStart < 0 || end < 0) {
            throw new SignatureRejectedException("is PEM without an END line (truncated)", REMEDY);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(bodyStart + 1, end));
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("is PEM whose base64 body is damaged", REMEDY);
        }
    }

    /** The parsed signed data, which must be detached (carry no content). */
    static CMSSignedData parse(byte[] der) throws SignatureRejectedException {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new SignatureRejectedException("is not a readable CMS / PKCS#7 signed-data structure", REMEDY);
        }
        if (signed.getSignedContent() != null) {
            throw new SignatureRejectedException(
                    "carries the signed content inside it (not a detached signature)",
                    "Sign with openssl cms -sign -binary without -nodetach, and give the artifact separately.");
        }
        if (signed.getSignerInfos().size() == 0) {
            throw new SignatureRejectedException("holds no signer", REMEDY);
        }
        return signed;
    }
}
