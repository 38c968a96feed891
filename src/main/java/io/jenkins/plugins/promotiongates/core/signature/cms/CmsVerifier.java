package io.jenkins.plugins.promotiongates.core.signature.cms;

import io.jenkins.plugins.promotiongates.core.signature.ArtifactHashes;
import io.jenkins.plugins.promotiongates.core.signature.PublicKeyStrength;
import io.jenkins.plugins.promotiongates.core.signature.Rejection;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * CMS / PKCS#7 detached signatures ({@code openssl cms -sign -binary}), DER or PEM, against
 * trusted root certificates. The artifact is hashed once, by the JDK, with the signer's digest
 * algorithm; the message-digest attribute must equal that digest and the signature must cover the
 * signed attributes; the signer's certificate must chain to a trusted root at the current time,
 * or at the time of a verified RFC 3161 timestamp, never at the signer's own {@code signingTime};
 * a certificate with an extended key usage must allow code signing.
 */
public final class CmsVerifier implements SignatureVerifier {

    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final Clock clock;

    /** @param clock the time certificates are validated at when no timestamp token is present */
    public CmsVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.CMS;
    }

    @Override
    public boolean recognizes(byte[] signature) {
        return CmsSignatureFile.looksLikeCms(signature);
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        Signer signer = null;
        ArtifactHashes hashes = null;
        try {
            byte[] der = CmsSignatureFile.der(input.signature());
            CMSSignedData signed = CmsSignatureFile.parse(der);
            List<TrustedRoots.Root> roots = TrustedRoots.from(input.trustedKeys());
            if (roots.isEmpty()) {
                throw new SignatureRejectedException(
                        "cannot be checked: none of the trusted keys (" + Rejection.trustedKeyNames(input)
                                + ") is an X.509 root certificate",
                        "Add the root certificate (PEM) that issued the signer's certificate to the trusted keys.");
            }
            signer = Signer.of(signed, input);
            hashes = ArtifactHashes.read(input.artifact(), List.of(signer.digest()));
            verifySignerInfo(der, signer, hashes);
            return verified(input, signer, roots, hashes);
        } catch (RuntimeException malformed) {
            // Bouncy Castle decodes ASN.1 lazily: a damaged structure can fail anywhere in it.
            return Rejection.of(
                    input,
                    SignatureFormat.CMS,
                    "",
                    "",
                    hashes,
                    Rejection.malformed("CMS / PKCS#7", "openssl cms -sign -binary"));
        } catch (SignatureRejectedException e) {
            return Rejection.of(
                    input,
                    SignatureFormat.CMS,
                    signer == null ? "" : signer.algorithm(),
                    signer == null ? "" : fingerprint(signer.certificate()),
                    hashes,
                    e);
        }
    }

    private Verification verified(
            VerifierInput input, Signer signer, List<TrustedRoots.Root> roots, ArtifactHashes hashes)
            throws SignatureRejectedException {
        Optional<SignatureTimestamp.Stamp> stamp = SignatureTimestamp.of(signer.info(), roots);
        Instant at = stamp.map(SignatureTimestamp.Stamp::time).orElse(clock.instant());
        String timeSource = stamp.map(s -> "the RFC 3161 timestamp by " + s.authority())
                .orElse(
                        "now; the signature has no RFC 3161 timestamp, and its own signing-time attribute is not trusted");
        X509Certificate root = CertificateChain.validate(signer.certificate(), signer.others(), roots, at, timeSource);
        checkCodeSigning(signer.certificate());
        checkIdentity(input, signer.certificate());
        List<String> warnings = new ArrayList<>();
        stamp.ifPresent(s -> warnings.add(
                "Certificate validity judged at the timestamp " + DisplayTime.of(s.time()) + " by " + s.authority()));
        String trustedKey = trustedKeyOf(roots, root);
        warnings.add(
                "Chain ends at trusted root '" + root.getSubjectX500Principal().getName() + "' (" + trustedKey + ")");
        return new Verification(
                true,
                SignatureFormat.CMS,
                signer.algorithm(),
                hashes.sha256(),
                hashes.size(),
                fingerprint(signer.certificate()),
                trustedKey,
                signer.certificate().getSubjectX500Principal().getName(),
                warnings,
                "");
    }

    private static void verifySignerInfo(byte[] der, Signer signer, ArtifactHashes hashes)
            throws SignatureRejectedException {
        String reason;
        try {
            CMSSignedData withDigest =
                    new CMSSignedData(Map.of(signer.info().getDigestAlgOID(), hashes.digest(signer.digest())), der);
            SignerInformation info =
                    withDigest.getSignerInfos().get(signer.info().getSID());
            // Built from the public key, not the certificate: Bouncy Castle would otherwise judge the
            // certificate at the signer's self-declared signingTime. Validity is checked on the chain.
            if (info.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .build(signer.certificate().getPublicKey()))) {
                return;
            }
            reason = "does not verify: the signature over the signed attributes is invalid";
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            reason = "does not match the artifact: its message-digest attribute differs from the artifact's "
                    + signer.digest()
                    + " (the artifact changed after signing, or the signature belongs to another file)";
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            reason = "does not verify: the signer information is malformed";
        }
        throw new SignatureRejectedException(
                reason, "Check that the signature was made over this exact file, and sign again if it was rebuilt.");
    }

    private static void checkCodeSigning(X509Certificate certificate) throws SignatureRejectedException {
        List<String> usages;
        try {
            usages = certificate.getExtendedKeyUsage();
        } catch (CertificateException e) {
            usages = List.of();
        }
        if (usages != null && !usages.contains(CODE_SIGNING) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
            throw new SignatureRejectedException(
                    "was made with certificate '"
                            + certificate.getSubjectX500Principal().getName()
                            + "', whose extended key usage does not include code signing",
                    "Sign with a certificate issued for code signing (extendedKeyUsage = codeSigning).");
        }
    }

    private static void checkIdentity(VerifierInput input, X509Certificate certificate)
            throws SignatureRejectedException {
        if (input.identity().isEmpty()) {
            return;
        }
        String expected = input.identity().get();
        String subject = certificate.getSubjectX500Principal().getName();
        if (subject.equals(expected)
                || subject.startsWith("CN=" + expected + ",")
                || subject.equals("CN=" + expected)) {
            return;
        }
        throw new SignatureRejectedException(
                "was made with certificate '" + subject + "', not by '" + expected + "'",
                "Sign with the certificate of '" + expected + "', or change the expected identity.");
    }

    private static String trustedKeyOf(List<TrustedRoots.Root> roots, X509Certificate root) {
        return roots.stream()
                .filter(r -> r.certificate().equals(root))
                .map(TrustedRoots.Root::trustedKeyName)
                .findFirst()
                .orElse("");
    }

    /** SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            return "";
        }
    }

    /** The signer chosen in the signature, its certificate, digest and algorithm. */
    private record Signer(
            SignerInformation info,
            X509Certificate certificate,
            List<X509Certificate> others,
            String digest,
            String algorithm) {

        static Signer of(CMSSignedData signed, VerifierInput input) throws SignatureRejectedException {
            SignerInformation info =
                    signed.getSignerInfos().getSigners().iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = null;
            List<X509Certificate> others = new ArrayList<>();
            try {
                for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                    X509Certificate converted = converter.getCertificate(holder);
                    if (certificate == null && info.getSID().match(holder)) {
                        certificate = converted;
                    } else {
                        others.add(converted);
                    }
                }
            } catch (CertificateException | RuntimeException e) {
                throw new SignatureRejectedException(
                        "holds a certificate that cannot be read", "Sign again with openssl cms -sign.");
            }
            if (certificate == null) {
                throw new SignatureRejectedException(
                        "does not include the signer's certificate",
                        "Sign without -nocerts, so that the signer's certificate travels with the signature.");
            }
            if (info.getSignedAttributes() == null) {
                throw new SignatureRejectedException(
                        "has no signed attributes, so its message digest is not bound to the signature",
                        "Sign without -noattr.");
            }
            ASN1ObjectIdentifier digestOid = info.getDigestAlgorithmID().getAlgorithm();
            String digest = DigestOids.name(digestOid);
            String key = PublicKeyStrength.describe(certificate.getPublicKey());
            String algorithm = key + "/" + digest;
            String refusal = DigestOids.isKnown(digestOid)
                    ? input.policy().refuseHash(digest)
                    : "digest " + digest + " is not supported";
            if (refusal == null) {
                refusal = PublicKeyStrength.refusal(certificate.getPublicKey(), input.policy());
            }
            if (refusal == null && weakSignatureAlgorithm(info)) {
                refusal = input.policy().refuseHash("SHA-1");
            }
            if (refusal != null) {
                throw new SignatureRejectedException(
                        "uses " + algorithm + ", which is refused: " + refusal,
                        "Sign with openssl cms -sign -md sha256 and an RSA (2048 bits or more), ECDSA or Ed25519 key, or have an administrator change the algorithm policy.");
            }
            return new Signer(info, certificate, others, digest, algorithm);
        }

        private static boolean weakSignatureAlgorithm(SignerInformation info) {
            String oid = info.getEncryptionAlgOID();
            // sha1WithRSAEncryption, dsaWithSHA1, ecdsaWithSHA1, md5WithRSAEncryption
            return oid.equals("1.2.840.113549.1.1.5")
                    || oid.equals("1.2.840.10040.4.3")
                    || oid.equals("1.2.840.10045.4.1")
                    || oid.equals("1.2.840.113549.1.1.4");
        }
    }
}
