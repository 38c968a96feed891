package io.jenkins.plugins.promotiongates.core.signature.cms;

import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The X.509 certificates among the trusted keys (PEM or DER, several per key allowed): the roots
 * that a CMS signer's chain must reach. Other material is skipped.
 */
final class TrustedRoots {

    record Root(String trustedKeyName, X509Certificate certificate) {}

    private TrustedRoots() {}

    static List<Root> from(List<TrustedKey> trustedKeys) {
        List<Root> roots = new ArrayList<>();
        for (TrustedKey trusted : trustedKeys) {
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                for (var certificate : factory.generateCertificates(new ByteArrayInputStream(trusted.material()))) {
                    roots.add(new Root(trusted.name(), (X509Certificate) certificate));
                }
            } catch (CertificateException | RuntimeException e) {
                // not certificates: another format's verifier uses this key
            }
        }
        return roots;
    }

    static Set<TrustAnchor> anchors(List<Root> roots) {
        Set<TrustAnchor> anchors = new HashSet<>();
        roots.forEach(root -> anchors.add(new TrustAnchor(root.certificate(), null)));
        return anchors;
    }
}
