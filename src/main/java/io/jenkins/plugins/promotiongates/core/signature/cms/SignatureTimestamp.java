package io.jenkins.plugins.promotiongates.core.signature.cms;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The signing time, trusted only from an RFC 3161 timestamp token over the signer's signature
 * value, issued by a time-stamping authority whose certificate chains to the trusted roots at the
 * stamped time. The signer's own {@code signingTime} attribute is never trusted: anyone holding
 * an expired key could write any time there.
 */
final class SignatureTimestamp {

    /** A verified timestamp: when, and by which authority. */
    record Stamp(Instant time, String authority) {}

    private SignatureTimestamp() {}

    /**
     * The verified stamp, empty when the signer carries no token.
     *
     * @throws SignatureRejectedException when a token is present but does not verify
     */
    static Optional<Stamp> of(SignerInformation signer, List<TrustedRoots.Root> roots)
            throws SignatureRejectedException {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute =
                unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(value));
            X509CertificateHolder authority = authorityCertificate(token);
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            String imprintHash = DigestOids.name(token.getTimeStampInfo().getMessageImprintAlgOID());
            byte[] expected = MessageDigest.getInstance(imprintHash).digest(signer.getSignature());
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                throw new SignatureRejectedException(
                        "carries a timestamp token that stamps another signature",
                        "Timestamp the signature again (openssl ts -query over the signature value).");
            }
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> others = new ArrayList<>();
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                others.add(converter.getCertificate(holder));
            }
            CertificateChain.validate(
                    converter.getCertificate(authority), others, roots, time, "the timestamp authority's own time");
            return Optional.of(new Stamp(time, authority.getSubject().toString()));
        } catch (SignatureRejectedException e) {
            throw new SignatureRejectedException(
                    "carries a timestamp token that is not trusted: its authority " + e.reason(), e.remedy());
        } catch (RuntimeException
                | java.security.GeneralSecurityException
                | org.bouncycastle.tsp.TSPException
                | org.bouncycastle.operator.OperatorCreationException
                | java.io.IOException e) {
            throw new SignatureRejectedException(
                    "carries an RFC 3161 timestamp token that does not verify",
                    "Timestamp the signature again with a time-stamping authority whose root is among the trusted keys, or sign without a timestamp.");
        }
    }

    private static X509CertificateHolder authorityCertificate(TimeStampToken token) throws SignatureRejectedException {
        for (Object match : token.getCertificates().getMatches(token.getSID())) {
            return (X509CertificateHolder) match;
        }
        throw new SignatureRejectedException(
                "carries a timestamp token without its authority's certificate",
                "Request the timestamp with the authority's certificate included (openssl ts -query -cert).");
    }
}
