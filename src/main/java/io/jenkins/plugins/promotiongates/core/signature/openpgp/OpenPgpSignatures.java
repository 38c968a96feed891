package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;

/** Reads a detached OpenPGP signature file, armored or binary, with Bouncy Castle's packet API. */
final class OpenPgpSignatures {

    private static final String ARMOR = "-----BEGIN PGP SIGNATURE-----";
    private static final String REMEDY =
            "Give the detached signature made by gpg --detach-sign (or --armor --detach-sign) for this artifact.";

    private OpenPgpSignatures() {}

    /** An armored signature, or a binary file starting with a signature packet. */
    static boolean looksLikeSignature(byte[] file) {
        if (file.length == 0) {
            return false;
        }
        String head = new String(file, 0, Math.min(file.length, 200), StandardCharsets.US_ASCII);
        if (head.stripLeading().startsWith(ARMOR)) {
            return true;
        }
        int first = file[0] & 0xFF;
        // a signature packet's header: old format, tag 2, with a one-, two- or four-byte length (0x88-0x8A;
        // gpg never writes the indeterminate length 0x8B), or new format, tag 2 (0xC2). One raw signature
        // in 60 starts so by chance, so a binary file counts only if it parses into signatures over a
        // document (binary or text), which is what a detached signature is.
        if (first < 0x88 || first > 0x8A && first != 0xC2) {
            return false;
        }
        try {
            return parse(file).stream()
                    .allMatch(signature -> signature.getSignatureType() == PGPSignature.BINARY_DOCUMENT
                            || signature.getSignatureType() == PGPSignature.CANONICAL_TEXT_DOCUMENT);
        } catch (SignatureRejectedException | RuntimeException e) {
            return false;
        }
    }

    /** Every signature packet in the file. */
    static List<PGPSignature> parse(byte[] file) throws SignatureRejectedException {
        if (file.length == 0) {
            throw new SignatureRejectedException("is empty", REMEDY);
        }
        List<PGPSignature> signatures = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(file))) {
            JcaPGPObjectFactory factory = new JcaPGPObjectFactory(in);
            Object object;
            while ((object = factory.nextObject()) != null) {
                if (object instanceof PGPSignatureList list) {
                    list.forEach(signatures::add);
                } else if (!(object instanceof PGPMarker)) {
                    throw new SignatureRejectedException(
                            "is not a detached OpenPGP signature (it holds "
                                    + object.getClass().getSimpleName().replace("PGP", "OpenPGP ")
                                    + ")",
                            REMEDY);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SignatureRejectedException(
                    "is not a readable OpenPGP signature (damaged armor or packet structure)", REMEDY);
        }
        if (signatures.isEmpty()) {
            throw new SignatureRejectedException("holds no OpenPGP signature packet", REMEDY);
        }
        return signatures;
    }
}
