package io.jenkins.plugins.promotiongates.core.signature.raw;

import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A public key from a trusted key's PEM: {@code PUBLIC KEY} (as {@code openssl pkey -pubout}
 * and {@code cosign generate-key-pair} write it), {@code RSA PUBLIC KEY}, or the key of a
 * {@code CERTIFICATE}. Private keys and other PEM objects are ignored.
 *
 * @param trustedKeyName the trusted key it came from
 * @param key the JCA public key (JDK provider)
 * @param fingerprint {@code SHA256:} and the hex SHA-256 of the DER SubjectPublicKeyInfo, as
 *     {@code openssl pkey -pubin -outform DER | sha256sum} prints it
 */
public record PemPublicKey(String trustedKeyName, PublicKey key, String fingerprint) {

    /** Every PEM public key among the trusted keys; material in other forms is skipped. */
    public static List<PemPublicKey> from(List<TrustedKey> trustedKeys) {
        List<PemPublicKey> keys = new ArrayList<>();
        for (TrustedKey trusted : trustedKeys) {
            String text = new String(trusted.material(), StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN ")) {
                continue;
            }
            try (PEMParser parser = new PEMParser(new StringReader(text))) {
                Object object;
                while ((object = parser.readObject()) != null) {
                    SubjectPublicKeyInfo info = publicKeyInfo(object);
                    if (info != null) {
                        keys.add(new PemPublicKey(
                                trusted.name(), new JcaPEMKeyConverter().getPublicKey(info), fingerprint(info)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not PEM this verifier understands (an OpenPGP or SSH key): other verifiers use it.
            }
        }
        return keys;
    }

    private static SubjectPublicKeyInfo publicKeyInfo(Object object) throws IOException {
        if (object instanceof SubjectPublicKeyInfo info) {
            return info;
        }
        if (object instanceof RSAPublicKey rsa) {
            return new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa);
        }
        if (object instanceof X509CertificateHolder certificate) {
            return certificate.getSubjectPublicKeyInfo();
        }
        return null;
    }

    private static String fingerprint(SubjectPublicKeyInfo info) throws IOException {
        try {
            return "SHA256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(info.getEncoded("DER")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java SE runtime provides SHA-256", e);
        }
    }
}
