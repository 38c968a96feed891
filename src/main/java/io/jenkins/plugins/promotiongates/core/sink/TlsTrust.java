package io.jenkins.plugins.promotiongates.core.sink;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which servers a sink trusts over TLS: those whose certificate chains to the configured CA
 * certificates (PEM) only, or, when none is configured, to the JVM's trust store. Host names are
 * always verified by the transports.
 */
final class TlsTrust {

    private TlsTrust() {}

    /**
     * The X.509 certificates in {@code pem}.
     *
     * @throws IllegalArgumentException if it holds none, or something else
     */
    static List<X509Certificate> certificates(String pem) {
        String remedy = " Paste the CA certificate in PEM form (-----BEGIN CERTIFICATE----- ...), as"
                + " 'openssl x509 -in ca.crt' prints it; several may follow each other.";
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("no PEM certificate (-----BEGIN CERTIFICATE-----) found." + remedy);
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate could be read." + remedy);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the certificate cannot be read (" + e.getMessage() + ")." + remedy, e);
        }
    }

    /** A TLS context trusting {@code caPem}'s certificates only, or the JVM's trust store if it is blank. */
    static SSLContext context(String caPem) {
        try {
            if (caPem == null || caPem.isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : certificates(caPem)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("The JVM cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
