package io.jenkins.plugins.promotiongates.core.signature.cms;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Builds and validates the signer's chain to a trusted root with the JDK's PKIX implementation,
 * at a given time, revocation checking off (no network on agents), intermediates taken from the
 * signature.
 */
final class CertificateChain {

    private CertificateChain() {}

    /**
     * @param at when the chain must be valid: now, or the time of a verified RFC 3161 timestamp
     * @param timeSource how {@code at} was chosen, for messages
     * @return the root the chain ends at
     */
    static X509Certificate validate(
            X509Certificate leaf,
            Collection<X509Certificate> intermediates,
            List<TrustedRoots.Root> roots,
            Instant at,
            String timeSource)
            throws SignatureRejectedException {
        try {
            leaf.checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SignatureRejectedException(
                    "was made with certificate '"
                            + leaf.getSubjectX500Principal().getName() + "', valid from "
                            + leaf.getNotBefore().toInstant() + " to "
                            + leaf.getNotAfter().toInstant()
                            + ", which is not valid at " + at + " (" + timeSource + ")",
                    "Sign again with a current certificate, or add an RFC 3161 timestamp (openssl ts) when signing so that the signing time can be proven.");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(TrustedRoots.anchors(roots), target);
            List<X509Certificate> store = new ArrayList<>(intermediates);
            store.add(leaf);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (CertPathBuilderException e) {
            throw new SignatureRejectedException(
                    "was made with certificate '"
                            + leaf.getSubjectX500Principal().getName()
                            + "', which does not chain to a trusted root certificate valid at " + at + " (" + timeSource
                            + ")",
                    "Add the issuing root certificate to the trusted keys, and include the intermediate certificates in the signature (openssl cms -sign -certfile intermediates.pem).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's PKIX implementation is unavailable", e);
        }
    }
}
