package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test CA and a server certificate it issued, made with the real {@code openssl} (EC P-256): PEM
 * files for rsyslog, and a PKCS#12 key store for the JDK's HTTPS server.
 *
 * @param ca the CA certificate, PEM
 * @param certificate the server certificate, PEM
 * @param key the server's private key, PEM
 * @param keyStore the server key and certificate as PKCS#12, password {@link #PASSWORD}
 */
record TestCertificates(Path ca, Path certificate, Path key, Path keyStore) {

    static final String PASSWORD = "changeit";

    /** A CA, and a server certificate for {@code subjectAltName} (such as {@code DNS:localhost}). */
    static TestCertificates create(Path directory, String subjectAltName) throws Exception {
        Files.createDirectories(directory);
        String d = directory.toString();
        ExternalTool.sh(
                directory,
                "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt"
                        + " -days 2 -subj '/CN=Promotion Gates test CA' 2>/dev/null\n"
                        + "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key"
                        + " -out server.csr -subj '/CN=test receiver' 2>/dev/null\n"
                        + "printf 'subjectAltName=" + subjectAltName + "\\nextendedKeyUsage=serverAuth\\n' > ext.cnf\n"
                        + "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt"
                        + " -days 2 -extfile ext.cnf 2>/dev/null\n"
                        + "openssl pkcs12 -export -in server.crt -inkey server.key -out server.p12 -passout pass:"
                        + PASSWORD + "\n");
        return new TestCertificates(
                Path.of(d, "ca.crt"), Path.of(d, "server.crt"), Path.of(d, "server.key"), Path.of(d, "server.p12"));
    }

    String caPem() throws Exception {
        return Files.readString(ca);
    }
}
