package io.jenkins.plugins.promotiongates.core.signature;

import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertCleanMessage;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import io.jenkins.plugins.promotiongates.core.signature.cms.CmsVerifier;
import io.jenkins.plugins.promotiongates.core.signature.minisign.MinisignVerifier;
import io.jenkins.plugins.promotiongates.core.signature.openpgp.OpenPgpVerifier;
import io.jenkins.plugins.promotiongates.core.signature.raw.RawSignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.signify.SignifyVerifier;
import io.jenkins.plugins.promotiongates.core.signature.ssh.SshVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Weak algorithms, one row per signature format and algorithm: what the algorithm policy refuses by
 * default (MD5, SHA-1, RSA under 2048 bits, DSA, a curve the format does not support, a checksum list
 * that gives only MD5 or SHA-1), what a policy that allows it accepts, and the legacy mode that is
 * accepted with a warning. Every signature is made once, for the class, by the real tool: gpg, openssl,
 * ssh-keygen, md5sum/sha1sum, minisign and signify-openbsd. A refusal names the artifact (and, where
 * the format's message does, the signature), each expected fragment (the algorithm, the policy
 * setting, the remedy) and nothing of a stack trace or key material; an acceptance names the
 * algorithm and the artifact's real SHA-256.
 */
@RunWith(Parameterized.class)
public class WeakAlgorithmMatrixTest {

    @ClassRule
    public static final GpgHome GPG = new GpgHome();

    private static final AlgorithmPolicy DEFAULT = AlgorithmPolicy.DEFAULT;
    private static final AlgorithmPolicy ALLOW_SHA1 = new AlgorithmPolicy(2048, true, false);
    private static final AlgorithmPolicy ALLOW_DSA = new AlgorithmPolicy(2048, false, true);
    private static final AlgorithmPolicy ALLOW_RSA_1024 = new AlgorithmPolicy(1024, false, false);
    private static final AlgorithmPolicy ALLOW_EVERYTHING_ALLOWABLE = new AlgorithmPolicy(1024, true, true);

    private static Path dir;

    /** The formats, each with its verifier and the way its refusals begin. */
    enum Format {
        OPENPGP(SignatureFormat.OPENPGP, () -> new OpenPgpVerifier(Clock.systemUTC()), true),
        CMS(SignatureFormat.CMS, () -> new CmsVerifier(Clock.systemUTC()), true),
        RAW(SignatureFormat.RAW, RawSignatureVerifier::new, true),
        SSH(SignatureFormat.SSH, SshVerifier::new, false),
        CHECKSUM(SignatureFormat.CHECKSUM, ChecksumVerifier::new, false),
        MINISIGN(SignatureFormat.MINISIGN, MinisignVerifier::new, false),
        SIGNIFY(SignatureFormat.SIGNIFY, SignifyVerifier::new, false);

        final SignatureFormat format;
        final Supplier<SignatureVerifier> verifier;
        /** "Signature SIG over ARTIFACT ..." rather than "Signature check of 'ARTIFACT' failed: ...". */
        final boolean namesTheSignature;

        Format(SignatureFormat format, Supplier<SignatureVerifier> verifier, boolean namesTheSignature) {
            this.format = format;
            this.verifier = verifier;
            this.namesTheSignature = namesTheSignature;
        }
    }

    /**
     * One case: the signature file over {@code app.tar.gz}, the trusted keys as name and file, the
     * policy, and either the accepted algorithm (with a warning fragment, or none) or the fragments
     * a refusal contains and those it must not contain.
     */
    record Row(
            Format format,
            String algorithm,
            String signature,
            List<String[]> keys,
            AlgorithmPolicy policy,
            String acceptedAs,
            String warning,
            List<String> refusal,
            List<String> notInRefusal) {

        /** This row, refused with a message that contains every one of {@code fragments}. */
        Row saying(String... fragments) {
            return new Row(format, algorithm, signature, keys, policy, null, null, List.of(fragments), notInRefusal);
        }

        /** This row, refused with a message that contains none of {@code fragments}. */
        Row notSaying(String... fragments) {
            return new Row(format, algorithm, signature, keys, policy, null, null, refusal, List.of(fragments));
        }

        /** This row, accepted with a warning that contains {@code fragment}. */
        Row warning(String fragment) {
            return new Row(format, algorithm, signature, keys, policy, acceptedAs, fragment, refusal, notInRefusal);
        }

        @Override
        public String toString() {
            String policyName;
            if (policy == DEFAULT) {
                policyName = "default policy";
            } else if (policy == ALLOW_SHA1) {
                policyName = "SHA-1 allowed";
            } else if (policy == ALLOW_DSA) {
                policyName = "DSA allowed";
            } else if (policy == ALLOW_RSA_1024) {
                policyName = "RSA-1024 allowed";
            } else {
                policyName = "SHA-1, DSA and RSA-1024 allowed";
            }
            return format.name().toLowerCase(Locale.ROOT) + " × " + algorithm + ", " + policyName + " → "
                    + (acceptedAs != null ? "accepted" : "refused");
        }
    }

    @Parameter
    public Row row;

    @Parameters(name = "{0}")
    public static List<Object[]> rows() {
        List<Row> rows = List.of(
                // OpenPGP: gpg 2.2 keys and signatures
                refused(Format.OPENPGP, "RSA-3072/SHA-1", "pgp-sha1.sig", key("rsa", "pgp-rsa.asc"), DEFAULT)
                        .saying("uses SHA-1", "setting: allow SHA-1", "--digest-algo SHA256"),
                accepted(
                        Format.OPENPGP,
                        "RSA-3072/SHA-1",
                        "pgp-sha1.sig",
                        key("rsa", "pgp-rsa.asc"),
                        ALLOW_SHA1,
                        "RSA-3072/SHA-1"),
                refused(Format.OPENPGP, "RSA-3072/MD5", "pgp-md5.sig", key("rsa", "pgp-rsa.asc"), DEFAULT)
                        .saying("uses MD5", "MD5 is a broken hash and is never accepted"),
                refused(
                                Format.OPENPGP,
                                "RSA-3072/MD5",
                                "pgp-md5.sig",
                                key("rsa", "pgp-rsa.asc"),
                                ALLOW_EVERYTHING_ALLOWABLE)
                        .saying("uses MD5", "MD5 is a broken hash and is never accepted"),
                refused(Format.OPENPGP, "RSA-1024", "pgp-rsa1024.sig", key("small", "pgp-small.asc"), DEFAULT)
                        .saying("RSA-1024", "setting: minimum RSA key size"),
                refused(Format.OPENPGP, "DSA-2048", "pgp-dsa.sig", key("dsa", "pgp-dsa.asc"), DEFAULT)
                        .saying("DSA-2048", "setting: allow DSA"),
                accepted(
                        Format.OPENPGP,
                        "DSA-2048",
                        "pgp-dsa.sig",
                        key("dsa", "pgp-dsa.asc"),
                        ALLOW_DSA,
                        "DSA-2048/SHA-256"),
                // CMS: openssl cms -sign, chained to a root through an intermediate
                refused(Format.CMS, "RSA-1024", "cms-rsa1024.p7s", key("corporate-root", "root.pem"), DEFAULT)
                        .saying("RSA-1024", "setting: minimum RSA key size"),
                refused(Format.CMS, "SHA-1", "cms-sha1.p7s", key("corporate-root", "root.pem"), DEFAULT)
                        .saying("SHA-1", "setting: allow SHA-1", "-md sha256"),
                refused(Format.CMS, "MD5", "cms-md5.p7s", key("corporate-root", "root.pem"), DEFAULT)
                        .saying("MD5", "which is refused", "-md sha256"),
                // raw: openssl dgst -sign
                refused(Format.RAW, "RSA-1024", "raw-rsa1024.sig", key("old", "raw-rsa1024.pub"), DEFAULT)
                        .saying("RSA key of 1024 bits", "setting: minimum RSA key size", "trusted key old"),
                accepted(
                        Format.RAW,
                        "RSA-1024",
                        "raw-rsa1024.sig",
                        key("old", "raw-rsa1024.pub"),
                        ALLOW_RSA_1024,
                        "RSA-1024/SHA-256"),
                refused(Format.RAW, "DSA-1024", "raw-dsa.sig", key("dsa", "raw-dsa.pub"), DEFAULT)
                        .saying("DSA", "setting: allow DSA"),
                refused(Format.RAW, "RSA-2048/SHA-1", "raw-sha1.sig", key("k", "raw-rsa.pub"), DEFAULT)
                        .saying("SHA-1 is refused", "setting: allow SHA-1"),
                accepted(
                        Format.RAW,
                        "RSA-2048/SHA-1",
                        "raw-sha1.sig",
                        key("k", "raw-rsa.pub"),
                        ALLOW_SHA1,
                        "RSA-2048/SHA-1"),
                refused(Format.RAW, "ECDSA secp256k1", "raw-k1.sig", key("bitcoin-key", "raw-k1.pub"), DEFAULT)
                        .saying(
                                "trusted key bitcoin-key is on curve secp256k1, an elliptic curve raw signatures do not support",
                                "Sign with an ECDSA P-256, P-384 or P-521 key")
                        .notSaying("artifact changed"),
                // SSH: ssh-keygen -Y sign, trusted through an allowed-signers file
                refused(
                                Format.SSH,
                                "RSA-1024",
                                "ssh-rsa1024.sig",
                                key("release-signers", "ssh-rsa1024.allowed"),
                                DEFAULT)
                        .saying("RSA key of 1024 bits", "minimum RSA key size"),
                accepted(
                        Format.SSH,
                        "RSA-1024",
                        "ssh-rsa1024.sig",
                        key("release-signers", "ssh-rsa1024.allowed"),
                        ALLOW_RSA_1024,
                        "RSA-1024/SHA-512 over SHA-512"),
                // checksum lists: md5sum, sha1sum (no key: an integrity check only)
                refused(Format.CHECKSUM, "MD5", "MD5SUMS", List.of(), DEFAULT).saying("only MD5", "SHA-256"),
                refused(Format.CHECKSUM, "SHA-1", "SHA1SUMS", List.of(), DEFAULT)
                        .saying("only SHA1"),
                refused(Format.CHECKSUM, "SHA-1", "SHA1SUMS", List.of(), ALLOW_SHA1)
                        .saying("only SHA1"),
                // minisign: the legacy mode (-l) signs the whole file with pure Ed25519
                accepted(
                                Format.MINISIGN,
                                "legacy Ed25519",
                                "legacy.minisig",
                                key("release-minisign", "minisign.pub"),
                                DEFAULT,
                                "Ed25519 (legacy, whole file)")
                        .warning("legacy minisign signature"),
                // signify: signed checksum lists that give only a weak hash
                refused(Format.SIGNIFY, "MD5 list", "MD5.sig", key("release-signify", "signify.pub"), DEFAULT)
                        .saying("only MD5", "too weak"),
                refused(Format.SIGNIFY, "SHA-1 list", "SHA1.sig", key("release-signify", "signify.pub"), DEFAULT)
                        .saying("only SHA1", "too weak"));
        List<Object[]> parameters = new ArrayList<>();
        for (Row row : rows) {
            parameters.add(new Object[] {row});
        }
        return parameters;
    }

    @BeforeClass
    public static void signWithTheRealTools() throws Exception {
        dir = GPG.directory();
        GPG.sh("""
                head -c 200000 /dev/urandom > app.tar.gz
                g --quick-gen-key 'RSA Signer <rsa@example.org>' rsa3072 sign never
                g --quick-gen-key 'Small <small@example.org>' rsa1024 sign never
                g --quick-gen-key 'Dsa <dsa@example.org>' dsa2048 sign never
                for id in rsa small dsa; do g --armor --export "$id@example.org" > pgp-$id.asc; done
                g -u rsa@example.org --digest-algo SHA1 --allow-weak-digest-algos --detach-sign -o pgp-sha1.sig app.tar.gz
                g -u rsa@example.org --digest-algo MD5 --allow-weak-digest-algos --detach-sign -o pgp-md5.sig app.tar.gz
                g -u small@example.org --detach-sign -o pgp-rsa1024.sig app.tar.gz
                g -u dsa@example.org --digest-algo SHA256 --detach-sign -o pgp-dsa.sig app.tar.gz
                """);
        ExternalTool.sh(dir, """
                q() { openssl "$@" 2>/dev/null; }
                printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > ca.ext
                printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=codeSigning\\n' > code.ext
                q req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -subj '/CN=Test Root' -days 30 -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
                issue() { # name subject issuer ext keyopts
                  q req -new $5 -nodes -keyout $1.key -out $1.csr -subj "/CN=$2"
                  q x509 -req -in $1.csr -CA $3.pem -CAkey $3.key -CAcreateserial -out $1.pem -days 30 -extfile $4
                }
                issue inter 'Test Intermediate' root ca.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256'
                issue rsaleaf 'RSA Signer' inter code.ext '-newkey rsa:2048'
                issue small 'Small Signer' inter code.ext '-newkey rsa:1024'
                sign() { # out signer digest
                  openssl cms -sign -binary -in app.tar.gz -signer $2.pem -inkey $2.key -md $3 -certfile inter.pem -outform DER -out $1
                }
                sign cms-rsa1024.p7s small sha256
                sign cms-sha1.p7s rsaleaf sha1
                sign cms-md5.p7s rsaleaf md5
                q genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key
                q genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024.key
                q genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:1024 -out dsa.param
                q genpkey -paramfile dsa.param -out dsa.key
                q genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out k1.key
                for k in rsa rsa1024 dsa k1; do openssl pkey -in $k.key -pubout -out raw-$k.pub; done
                openssl dgst -sha1 -sign rsa.key -out raw-sha1.sig app.tar.gz
                openssl dgst -sha256 -sign rsa1024.key -out raw-rsa1024.sig app.tar.gz
                openssl dgst -sha256 -sign dsa.key -out raw-dsa.sig app.tar.gz
                openssl dgst -sha256 -sign k1.key -out raw-k1.sig app.tar.gz
                ssh-keygen -q -t rsa -b 1024 -N '' -C rsa1024@example.com -f ssh-rsa1024
                printf 'alice@example.com,release-*@example.com %s\\n' "$(cat ssh-rsa1024.pub)" > ssh-rsa1024.allowed
                ssh-keygen -Y sign -f ssh-rsa1024 -n file app.tar.gz 2>/dev/null
                mv app.tar.gz.sig ssh-rsa1024.sig
                md5sum app.tar.gz > MD5SUMS
                sha1sum app.tar.gz > SHA1SUMS
                minisign -G -W -p minisign.pub -s minisign.key >/dev/null
                minisign -S -l -s minisign.key -m app.tar.gz -x legacy.minisig >/dev/null
                signify-openbsd -G -n -p signify.pub -s signify.sec
                md5sum --tag app.tar.gz > MD5
                sha1sum --tag app.tar.gz > SHA1
                signify-openbsd -S -e -s signify.sec -m MD5
                signify-openbsd -S -e -s signify.sec -m SHA1
                """);
    }

    @Test
    public void theVerdictIsTheRowsOwn() throws Exception {
        List<TrustedKey> keys = new ArrayList<>();
        for (String[] key : row.keys()) {
            keys.add(VerdictAssertions.key(key[0], dir.resolve(key[1])));
        }
        Path artifact = dir.resolve("app.tar.gz");
        VerifierInput request =
                request(artifact, dir.resolve(row.signature()), row.policy(), keys.toArray(new TrustedKey[0]));
        Verification verdict = row.format().verifier.get().verify(request);
        assertEquals(row.format().format, verdict.format());
        if (row.acceptedAs() != null) {
            assertVerified(verdict, row.acceptedAs(), artifact);
            if (row.warning() != null) {
                assertThat(verdict.warnings().get(0), containsString(row.warning()));
            }
            return;
        }
        assertFalse("expected a refusal but the signature verified", verdict.verified());
        String message = verdict.failure();
        assertThat(
                message,
                startsWith(
                        row.format().namesTheSignature
                                ? "Signature " + request.signatureName() + " over " + request.artifactName() + " "
                                : "Signature check of '" + request.artifactName() + "' failed: "));
        for (String fragment : row.refusal()) {
            assertThat(message, containsString(fragment));
        }
        for (String fragment : row.notInRefusal()) {
            assertThat(message, not(containsString(fragment)));
        }
        assertCleanMessage(message);
        assertThat(message, not(containsString("null")));
    }

    private static List<String[]> key(String name, String file) {
        return List.<String[]>of(new String[] {name, file});
    }

    private static Row refused(
            Format format, String algorithm, String signature, List<String[]> keys, AlgorithmPolicy policy) {
        return new Row(format, algorithm, signature, keys, policy, null, null, List.of(), List.of());
    }

    private static Row accepted(
            Format format,
            String algorithm,
            String signature,
            List<String[]> keys,
            AlgorithmPolicy policy,
            String acceptedAs) {
        return new Row(format, algorithm, signature, keys, policy, acceptedAs, null, List.of(), List.of());
    }
}
