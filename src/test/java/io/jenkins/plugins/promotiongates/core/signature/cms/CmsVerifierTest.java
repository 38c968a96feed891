package io.jenkins.plugins.promotiongates.core.signature.cms;

import static io.jenkins.plugins.promotiongates.core.signature.ExternalTool.sh;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertRefused;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.key;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * CMS signatures made by openssl cms with a root, an intermediate and leaf certificates. Weak
 * algorithms (RSA-1024, SHA-1, MD5) are rows of {@code WeakAlgorithmMatrixTest}.
 */
public class CmsVerifierTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static Path dir;
    private final CmsVerifier verifier = new CmsVerifier(Clock.systemUTC());

    @BeforeClass
    public static void makeCertificatesAndSignatures() throws Exception {
        dir = FOLDER.getRoot().toPath();
        sh(dir, """
                head -c 200000 /dev/urandom > app.tar.gz
                head -c 1000 /dev/urandom > other.tar.gz
                : > empty.bin
                printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > ca.ext
                printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=codeSigning\\n' > code.ext
                printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\n' > plain.ext
                printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=serverAuth\\n' > server.ext
                q() { openssl "$@" 2>/dev/null; }
                root() { q req -x509 -newkey rsa:2048 -nodes -keyout $1.key -out $1.pem -subj "/CN=$2" -days 30 -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign; }
                issue() { # name subject issuer ext keyopts days
                  q req -new $5 -nodes -keyout $1.key -out $1.csr -subj "/CN=$2"
                  q x509 -req -in $1.csr -CA $3.pem -CAkey $3.key -CAcreateserial -out $1.pem -days $6 -extfile $4
                }
                root root 'Test Root'
                root evil 'Evil Root'
                issue inter 'Test Intermediate' root ca.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' 30
                issue leaf 'Release Signer' inter code.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' 30
                issue rsaleaf 'RSA Signer' inter code.ext '-newkey rsa:2048' 30
                issue plain 'Plain Signer' inter plain.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-384' 30
                issue server 'Web Server' inter server.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' 30
                issue expired 'Expired Signer' inter code.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' -1
                issue stranger 'Stranger' evil code.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' 30
                sign() { # out signer artifact extra...
                  local out=$1 signer=$2 in=$3; shift 3
                  openssl cms -sign -binary -in $in -signer $signer.pem -inkey $signer.key -md sha256 -out $out "$@"
                }
                sign leaf.p7s leaf app.tar.gz -certfile inter.pem -outform DER
                sign leaf.pem.p7s leaf app.tar.gz -certfile inter.pem -outform PEM
                sign rsa.p7s rsaleaf app.tar.gz -certfile inter.pem -outform DER -md sha512
                sign plain.p7s plain app.tar.gz -certfile inter.pem -outform DER -md sha384
                sign server.p7s server app.tar.gz -certfile inter.pem -outform DER
                sign expired.p7s expired app.tar.gz -certfile inter.pem -outform DER
                sign stranger.p7s stranger app.tar.gz -outform DER
                sign nointer.p7s leaf app.tar.gz -outform DER
                sign other.p7s leaf other.tar.gz -certfile inter.pem -outform DER
                sign empty.p7s leaf empty.bin -certfile inter.pem -outform DER
                sign attached.p7s leaf app.tar.gz -certfile inter.pem -outform DER -nodetach
                printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=critical,timeStamping\\n' > tsa.ext
                issue tsa 'Test TSA' inter tsa.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' 30
                issue short 'Short Signer' inter code.ext '-newkey ec -pkeyopt ec_paramgen_curve:P-256' 1
                sign short.p7s short app.tar.gz -certfile inter.pem -outform DER
                printf '[tsa]\\ndefault_tsa=t\\n[t]\\nserial=./tsaserial\\nsigner_cert=./tsa.pem\\ncerts=./inter.pem\\nsigner_key=./tsa.key\\nsigner_digest=sha256\\ndefault_policy=1.2.3.4.1\\ndigests=sha256\\ness_cert_id_alg=sha256\\n' > tsa.cnf
                echo 01 > tsaserial
                """);
        // RFC 3161: stamp the signer's signature value with openssl ts, then attach the token.
        CMSSignedData signed = new CMSSignedData(Files.readAllBytes(dir.resolve("short.p7s")));
        SignerInformation signer =
                signed.getSignerInfos().getSigners().iterator().next();
        Files.write(dir.resolve("short.sigvalue"), signer.getSignature());
        sh(dir, """
                openssl ts -query -data short.sigvalue -sha256 -cert -out short.tsq
                openssl ts -reply -config tsa.cnf -queryfile short.tsq -token_out -out short.tst 2>/dev/null
                """);
        byte[] token = Files.readAllBytes(dir.resolve("short.tst"));
        Files.write(dir.resolve("short-ts.p7s"), withToken(signed, token));
        Files.write(
                dir.resolve("leaf-foreign-ts.p7s"),
                withToken(new CMSSignedData(Files.readAllBytes(dir.resolve("leaf.p7s"))), token));
    }

    private static byte[] withToken(CMSSignedData signed, byte[] token) throws Exception {
        SignerInformation signer =
                signed.getSignerInfos().getSigners().iterator().next();
        Attribute attribute = new Attribute(
                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(ASN1Primitive.fromByteArray(token)));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped))
                .getEncoded("DER");
    }

    @Test
    public void onlyAVerifiedTimestampMovesTheValidationTime() throws Exception {
        CmsVerifier fiveDaysLater = new CmsVerifier(Clock.offset(Clock.systemUTC(), Duration.ofDays(5)));
        VerifierInput unstamped = refusedRequest("app.tar.gz", "short.p7s");
        assertRefused(
                fiveDaysLater.verify(unstamped),
                unstamped,
                "'CN=Short Signer'",
                "which is not valid at",
                "no RFC 3161 timestamp");
        Verification stamped = fiveDaysLater.verify(refusedRequest("app.tar.gz", "short-ts.p7s"));
        assertVerified(stamped, "ECDSA P-256/SHA-256", dir.resolve("app.tar.gz"));
        assertThat(stamped.warnings().get(0), containsString("judged at the timestamp"));
        assertThat(stamped.warnings().get(0), containsString("Test TSA"));
        VerifierInput foreign = refusedRequest("app.tar.gz", "leaf-foreign-ts.p7s");
        assertRefused(verifier.verify(foreign), foreign, "timestamp token that stamps another signature");
    }

    private static TrustedKey root() throws Exception {
        return key("corporate-root", dir.resolve("root.pem"));
    }

    private Verification check(String artifact, String signature, TrustedKey... keys) throws Exception {
        return verifier.verify(request(dir.resolve(artifact), dir.resolve(signature), keys));
    }

    private VerifierInput refusedRequest(String artifact, String signature) throws Exception {
        return request(dir.resolve(artifact), dir.resolve(signature), root());
    }

    @Test
    public void derAndPemSignaturesChainThroughTheIntermediate() throws Exception {
        Path artifact = dir.resolve("app.tar.gz");
        Verification verdict = assertVerified(check("app.tar.gz", "leaf.p7s", root()), "ECDSA P-256/SHA-256", artifact);
        assertThat(verdict.signerIdentity(), is("CN=Release Signer"));
        String openssl = sh(dir, "openssl x509 -in leaf.pem -noout -fingerprint -sha256");
        assertThat(openssl, containsString(verdict.keyFingerprint()));
        assertThat(verdict.warnings().toString(), containsString("CN=Test Root"));
        assertVerified(check("app.tar.gz", "leaf.pem.p7s", root()), "ECDSA P-256/SHA-256", artifact);
        assertVerified(check("app.tar.gz", "rsa.p7s", root()), "RSA-2048/SHA-512", artifact);
        assertVerified(check("empty.bin", "empty.p7s", root()), "ECDSA P-256/SHA-256", dir.resolve("empty.bin"));
    }

    @Test
    public void reportsWhichOfSeveralTrustedRootsTheChainEndedAt() throws Exception {
        TrustedKey partner = key("partner-root", dir.resolve("evil.pem"));
        TrustedKey notCms = new TrustedKey("ssh-team", "ssh-ed25519 AAAA ops".getBytes());
        Path artifact = dir.resolve("app.tar.gz");
        Verification leaf = assertVerified(
                check("app.tar.gz", "leaf.p7s", notCms, partner, root()), "ECDSA P-256/SHA-256", artifact);
        assertThat(leaf.trustedKey(), is("corporate-root"));
        Verification stranger = assertVerified(
                check("app.tar.gz", "stranger.p7s", notCms, partner, root()), "ECDSA P-256/SHA-256", artifact);
        assertThat(stranger.trustedKey(), is("partner-root"));
        assertThat(check("other.tar.gz", "leaf.p7s", partner, root()).trustedKey(), is(""));
    }

    @Test
    public void certificateWithoutExtendedKeyUsageIsAccepted() throws Exception {
        assertVerified(check("app.tar.gz", "plain.p7s", root()), "ECDSA P-384/SHA-384", dir.resolve("app.tar.gz"));
    }

    @Test
    public void certificateForAnotherPurposeIsRefused() throws Exception {
        VerifierInput request = refusedRequest("app.tar.gz", "server.p7s");
        assertRefused(
                verifier.verify(request),
                request,
                "'CN=Web Server'",
                "does not include code signing",
                "extendedKeyUsage = codeSigning");
    }

    @Test
    public void untrustedRootAndMissingIntermediateAreRefused() throws Exception {
        VerifierInput stranger = refusedRequest("app.tar.gz", "stranger.p7s");
        assertRefused(
                verifier.verify(stranger),
                stranger,
                "'CN=Stranger'",
                "does not chain to a trusted root",
                "Add the issuing root");
        VerifierInput nointer = refusedRequest("app.tar.gz", "nointer.p7s");
        assertRefused(verifier.verify(nointer), nointer, "does not chain to a trusted root", "-certfile");
        VerifierInput wrongRoot =
                request(dir.resolve("app.tar.gz"), dir.resolve("leaf.p7s"), key("evil", dir.resolve("evil.pem")));
        assertRefused(verifier.verify(wrongRoot), wrongRoot, "does not chain to a trusted root");
    }

    @Test
    public void expiredCertificateIsJudgedNowNotAtItsOwnSigningTime() throws Exception {
        VerifierInput request = refusedRequest("app.tar.gz", "expired.p7s");
        assertRefused(
                verifier.verify(request),
                request,
                "'CN=Expired Signer'",
                "which is not valid at",
                "its own signing-time attribute is not trusted",
                "RFC 3161 timestamp");
    }

    @Test
    public void modifiedArtifactAndAnotherArtifactsSignatureAreRefused() throws Exception {
        Path modified = dir.resolve("modified.tar.gz");
        byte[] content = Files.readAllBytes(dir.resolve("app.tar.gz"));
        content[7] ^= 1;
        Files.write(modified, content);
        VerifierInput changed = request(modified, dir.resolve("leaf.p7s"), root());
        Verification verdict = assertRefused(
                verifier.verify(changed), changed, "message-digest attribute differs from the artifact's SHA-256");
        assertThat(verdict.artifactDigest().hex().length(), is(64));
        VerifierInput other = refusedRequest("app.tar.gz", "other.p7s");
        assertRefused(verifier.verify(other), other, "message-digest attribute differs");
        VerifierInput empty = refusedRequest("empty.bin", "leaf.p7s");
        assertRefused(verifier.verify(empty), empty, "message-digest attribute differs");
    }

    @Test
    public void truncatedGarbageEmptyAndAttachedSignaturesAreRefused() throws Exception {
        byte[] der = Files.readAllBytes(dir.resolve("leaf.p7s"));
        byte[] pem = Files.readAllBytes(dir.resolve("leaf.pem.p7s"));
        Files.write(dir.resolve("truncated.p7s"), Arrays.copyOf(der, der.length - 20));
        Files.write(dir.resolve("truncated.pem.p7s"), Arrays.copyOf(pem, pem.length / 2));
        Files.write(dir.resolve("garbage.p7s"), "garbage".getBytes());
        Files.write(dir.resolve("empty.sig"), new byte[0]);
        for (String name : new String[] {"truncated.p7s", "truncated.pem.p7s", "garbage.p7s"}) {
            VerifierInput request = refusedRequest("app.tar.gz", name);
            assertRefused(verifier.verify(request), request, "openssl cms -sign");
        }
        VerifierInput empty = refusedRequest("app.tar.gz", "empty.sig");
        assertRefused(verifier.verify(empty), empty, "is empty");
        VerifierInput attached = refusedRequest("app.tar.gz", "attached.p7s");
        assertRefused(verifier.verify(attached), attached, "not a detached signature");
    }

    @Test
    public void noRootCertificateAmongTheKeys() throws Exception {
        VerifierInput request = request(
                dir.resolve("app.tar.gz"),
                dir.resolve("leaf.p7s"),
                new TrustedKey("ops", "ssh-ed25519 AAAA ops".getBytes()));
        assertRefused(verifier.verify(request), request, "none of the trusted keys (ops) is an X.509 root certificate");
    }

    @Test
    public void recognisesDerAndPemCms() throws Exception {
        assertTrue(verifier.recognizes(Files.readAllBytes(dir.resolve("leaf.p7s"))));
        assertTrue(verifier.recognizes(Files.readAllBytes(dir.resolve("leaf.pem.p7s"))));
        assertFalse(verifier.recognizes(Files.readAllBytes(dir.resolve("root.pem"))));
        assertFalse(verifier.recognizes("0\u0001garbage garbage garbage".getBytes()));
    }
}
