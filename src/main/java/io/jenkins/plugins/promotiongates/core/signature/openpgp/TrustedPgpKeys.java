package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * The OpenPGP certificates among the trusted keys: armored key blocks ({@code gpg --export
 * --armor}) or binary keyrings, each possibly holding several certificates. Material in other
 * forms (PEM, SSH) is skipped.
 */
final class TrustedPgpKeys {

    private static final String ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private final List<Entry> entries;

    private record Entry(String name, PGPPublicKeyRing ring) {}

    private TrustedPgpKeys(List<Entry> entries) {
        this.entries = entries;
    }

    static TrustedPgpKeys from(List<TrustedKey> trustedKeys) {
        List<Entry> entries = new ArrayList<>();
        for (TrustedKey trusted : trustedKeys) {
            for (byte[] block : blocks(trusted.material())) {
                try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block))) {
                    PGPPublicKeyRingCollection rings =
                            new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
                    rings.forEach(ring -> entries.add(new Entry(trusted.name(), ring)));
                } catch (IOException | PGPException | RuntimeException e) {
                    // not OpenPGP key material: another format's verifier uses it
                }
            }
        }
        return new TrustedPgpKeys(entries);
    }

    /** Each armored key block of a text file (an armor decoder reads only the first), or the binary keyring. */
    private static List<byte[]> blocks(byte[] material) {
        String text = new String(material, StandardCharsets.ISO_8859_1);
        if (!text.contains(ARMOR)) {
            return List.of(material);
        }
        List<byte[]> blocks = new ArrayList<>();
        for (int start = text.indexOf(ARMOR); start >= 0; ) {
            int next = text.indexOf(ARMOR, start + ARMOR.length());
            blocks.add(text.substring(start, next < 0 ? text.length() : next).getBytes(StandardCharsets.ISO_8859_1));
            start = next;
        }
        return blocks;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The key with this v4 fingerprint, primary or subkey. */
    Optional<PgpSigningKey> byFingerprint(byte[] fingerprint) {
        for (Entry entry : entries) {
            for (Iterator<PGPPublicKey> keys = entry.ring().getPublicKeys(); keys.hasNext(); ) {
                PGPPublicKey key = keys.next();
                if (Arrays.equals(key.getFingerprint(), fingerprint)) {
                    return Optional.of(new PgpSigningKey(entry.name(), entry.ring(), key));
                }
            }
        }
        return Optional.empty();
    }

    /** The keys with this 64-bit key id (a hint only: the signature check decides). */
    List<PgpSigningKey> byKeyId(long keyId) {
        List<PgpSigningKey> found = new ArrayList<>();
        for (Entry entry : entries) {
            PGPPublicKey key = entry.ring().getPublicKey(keyId);
            if (key != null) {
                found.add(new PgpSigningKey(entry.name(), entry.ring(), key));
            }
        }
        return found;
    }
}
