package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * A trusted OpenPGP key that a signature names as its issuer: the key itself (primary or subkey)
 * and the certificate (primary key with its user ids and subkeys) it belongs to.
 *
 * @param trustedKeyName the trusted key it came from
 * @param ring the certificate
 * @param key the primary key or the subkey that made the signature
 */
record PgpSigningKey(String trustedKeyName, PGPPublicKeyRing ring, PGPPublicKey key) {

    PGPPublicKey primary() {
        return ring.getPublicKey();
    }

    boolean isSubkey() {
        return !key.isMasterKey();
    }

    /** The key's fingerprint as {@code gpg --with-colons} prints it: upper-case hex. */
    String fingerprint() {
        return fingerprint(key.getFingerprint());
    }

    /** The first user id of the certificate, or empty. */
    String primaryUserId() {
        Iterator<String> ids = primary().getUserIDs();
        return ids.hasNext() ? ids.next() : "";
    }

    static String fingerprint(byte[] fingerprint) {
        return HexFormat.of().formatHex(fingerprint).toUpperCase(Locale.ROOT);
    }
}
