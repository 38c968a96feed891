package io.jenkins.plugins.promotiongates.core.signature.raw;

import static io.jenkins.plugins.promotiongates.core.signature.ExternalTool.sh;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertRefused;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.key;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verification.VerificationService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.util.BigIntegers;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Raw signatures made by openssl (and cosign's format, made with openssl + base64). Weak algorithms
 * (RSA-1024, DSA, SHA-1, the secp256k1 curve) are rows of {@code WeakAlgorithmMatrixTest}.
 */
public class RawSignatureVerifierTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static Path dir;
    private final RawSignatureVerifier verifier = new RawSignatureVerifier();

    @BeforeClass
    public static void signWithOpenssl() throws Exception {
        dir = FOLDER.getRoot().toPath();
        sh(dir, """
                head -c 300000 /dev/urandom > app.tar.gz
                head -c 1000 /dev/urandom > other.tar.gz
                : > empty.bin
                openssl genpkey -algorithm ed25519 -out ed.key
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256b.key
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out p384.key
                openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key
                for k in ed p256 p256b p384 rsa; do openssl pkey -in $k.key -pubout -out $k.pub; done
                openssl pkey -in rsa.key -pubout -traditional -out rsa-pkcs1.pub 2>/dev/null || openssl rsa -in rsa.key -RSAPublicKey_out -out rsa-pkcs1.pub
                openssl pkeyutl -sign -rawin -inkey ed.key -in app.tar.gz -out ed.sig
                openssl dgst -sha256 -sign p256.key -out p256.sig app.tar.gz
                openssl dgst -sha256 -sign p256.key -out p256-other.sig other.tar.gz
                openssl dgst -sha256 -sign p256b.key -out p256b.sig app.tar.gz
                openssl dgst -sha256 -sign p256.key app.tar.gz | base64 -w0 > cosign.sig
                openssl dgst -sha384 -sign p384.key -out p384.sig app.tar.gz
                openssl dgst -sha256 -sign p384.key -out p384-sha256.sig app.tar.gz
                openssl dgst -sha256 -sign rsa.key -out rsa.sig app.tar.gz
                openssl dgst -sha512 -sign rsa.key -out rsa512.sig app.tar.gz
                openssl dgst -sha256 -sign rsa.key -sigopt rsa_padding_mode:pss -out rsa-pss.sig app.tar.gz
                openssl dgst -sha384 -sign rsa.key -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -out rsa-pss384.sig app.tar.gz
                openssl dgst -sha256 -sign p256.key -out p256-empty.sig empty.bin
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out k1.key
                openssl pkey -in k1.key -pubout -out k1.pub
                openssl dgst -sha256 -sign k1.key -out k1.sig app.tar.gz
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521 -out p521.key
                openssl pkey -in p521.key -pubout -out p521.pub
                openssl dgst -sha512 -sign p521.key -out p521.sig app.tar.gz
                openssl dgst -sha512 -sign rsa.key app.tar.gz | openssl base64 > rsa512.b64
                """);
    }

    private Verification check(String artifact, String signature, TrustedKey... keys) throws Exception {
        return verifier.verify(request(dir.resolve(artifact), dir.resolve(signature), keys));
    }

    @Test
    public void ed25519FromPkeyutlRawin() throws Exception {
        assertVerified(
                check("app.tar.gz", "ed.sig", key("ed", dir.resolve("ed.pub"))), "Ed25519", dir.resolve("app.tar.gz"));
    }

    @Test
    public void ecdsaP256DerAndCosignBase64() throws Exception {
        TrustedKey p256 = key("release-team", dir.resolve("p256.pub"));
        Verification verdict =
                assertVerified(check("app.tar.gz", "p256.sig", p256), "ECDSA P-256/SHA-256", dir.resolve("app.tar.gz"));
        assertThat(verdict.signerIdentity(), is("release-team"));
        String expected = "SHA256:"
                + sh(dir, "openssl pkey -pubin -in p256.pub -outform DER | sha256sum")
                        .substring(0, 64);
        assertThat(verdict.keyFingerprint(), is(expected));
        assertVerified(check("app.tar.gz", "cosign.sig", p256), "ECDSA P-256/SHA-256", dir.resolve("app.tar.gz"));
    }

    @Test
    public void ecdsaP1363Form() throws Exception {
        ASN1Sequence der = ASN1Sequence.getInstance(Files.readAllBytes(dir.resolve("p256.sig")));
        byte[] r = BigIntegers.asUnsignedByteArray(
                32, ASN1Integer.getInstance(der.getObjectAt(0)).getValue());
        byte[] s = BigIntegers.asUnsignedByteArray(
                32, ASN1Integer.getInstance(der.getObjectAt(1)).getValue());
        byte[] p1363 = Arrays.copyOf(r, 64);
        System.arraycopy(s, 0, p1363, 32, 32);
        Files.write(dir.resolve("p256-p1363.sig"), p1363);
        assertVerified(
                check("app.tar.gz", "p256-p1363.sig", key("k", dir.resolve("p256.pub"))),
                "ECDSA P-256/SHA-256",
                dir.resolve("app.tar.gz"));
    }

    @Test
    public void ecdsaP384WithSha384OrSha256() throws Exception {
        TrustedKey p384 = key("k", dir.resolve("p384.pub"));
        assertVerified(check("app.tar.gz", "p384.sig", p384), "ECDSA P-384/SHA-384", dir.resolve("app.tar.gz"));
        assertVerified(check("app.tar.gz", "p384-sha256.sig", p384), "ECDSA P-384/SHA-256", dir.resolve("app.tar.gz"));
    }

    @Test
    public void rsaPkcs1AndPss() throws Exception {
        TrustedKey rsa = key("k", dir.resolve("rsa.pub"));
        Path artifact = dir.resolve("app.tar.gz");
        assertVerified(check("app.tar.gz", "rsa.sig", rsa), "RSA-2048/SHA-256", artifact);
        assertVerified(check("app.tar.gz", "rsa512.sig", rsa), "RSA-2048/SHA-512", artifact);
        assertVerified(check("app.tar.gz", "rsa-pss.sig", rsa), "RSA-2048/PSS/SHA-256", artifact);
        assertVerified(check("app.tar.gz", "rsa-pss384.sig", rsa), "RSA-2048/PSS/SHA-384", artifact);
        assertVerified(
                check("app.tar.gz", "rsa.sig", key("k", dir.resolve("rsa-pkcs1.pub"))), "RSA-2048/SHA-256", artifact);
    }

    @Test
    public void theMatchingKeyIsFoundAmongSeveral() throws Exception {
        TrustedKey[] keys = {
            key("other", dir.resolve("p256b.pub")),
            key("ed-team", dir.resolve("ed.pub")),
            key("release-team", dir.resolve("p256.pub")),
            key("rsa-team", dir.resolve("rsa.pub"))
        };
        Path artifact = dir.resolve("app.tar.gz");
        Verification verdict = assertVerified(check("app.tar.gz", "p256.sig", keys), "ECDSA P-256/SHA-256", artifact);
        assertThat(verdict.signerIdentity(), is("release-team"));
        assertThat(verdict.trustedKey(), is("release-team"));
        assertThat(
                assertVerified(check("app.tar.gz", "ed.sig", keys), "Ed25519", artifact)
                        .trustedKey(),
                is("ed-team"));
        assertThat(check("other.tar.gz", "p256.sig", keys).trustedKey(), is(""));
    }

    @Test
    public void wrongKeyIsRefused() throws Exception {
        VerifierInput request = request(
                dir.resolve("app.tar.gz"), dir.resolve("p256b.sig"), key("release-team", dir.resolve("p256.pub")));
        assertRefused(
                verifier.verify(request),
                request,
                "does not verify with any trusted key (release-team)",
                "Check that the signature");
    }

    @Test
    public void modifiedArtifactIsRefused() throws Exception {
        Path modified = dir.resolve("modified.tar.gz");
        byte[] content = Files.readAllBytes(dir.resolve("app.tar.gz"));
        content[1000] ^= 1;
        Files.write(modified, content);
        for (String[] pair : new String[][] {
            {"ed.sig", "ed.pub"}, {"p256.sig", "p256.pub"}, {"rsa-pss.sig", "rsa.pub"}, {"rsa.sig", "rsa.pub"}
        }) {
            VerifierInput request = request(modified, dir.resolve(pair[0]), key("k", dir.resolve(pair[1])));
            Verification verdict = assertRefused(verifier.verify(request), request, "does not verify");
            assertThat(verdict.artifactSize(), is((long) content.length));
        }
    }

    @Test
    public void truncatedGarbageAndEmptySignaturesAreRefused() throws Exception {
        byte[] signature = Files.readAllBytes(dir.resolve("p256.sig"));
        Files.write(dir.resolve("truncated.sig"), Arrays.copyOf(signature, signature.length - 5));
        Files.write(dir.resolve("garbage.sig"), "this is not a signature\n".getBytes());
        Files.write(dir.resolve("empty.sig"), new byte[0]);
        TrustedKey p256 = key("k", dir.resolve("p256.pub"));
        for (String name : new String[] {"truncated.sig", "garbage.sig"}) {
            VerifierInput request = request(dir.resolve("app.tar.gz"), dir.resolve(name), p256);
            assertRefused(verifier.verify(request), request, "does not verify");
        }
        VerifierInput empty = request(dir.resolve("app.tar.gz"), dir.resolve("empty.sig"), p256);
        assertRefused(verifier.verify(empty), empty, "is empty");
    }

    @Test
    public void anotherArtifactsSignatureAndEmptyArtifactAreRefused() throws Exception {
        TrustedKey p256 = key("k", dir.resolve("p256.pub"));
        VerifierInput other = request(dir.resolve("app.tar.gz"), dir.resolve("p256-other.sig"), p256);
        assertRefused(verifier.verify(other), other, "does not verify");
        VerifierInput empty = request(dir.resolve("empty.bin"), dir.resolve("p256.sig"), p256);
        assertRefused(verifier.verify(empty), empty, "does not verify");
        // an empty artifact properly signed is still a valid signature
        assertVerified(check("empty.bin", "p256-empty.sig", p256), "ECDSA P-256/SHA-256", dir.resolve("empty.bin"));
    }

    @Test
    public void keysThatAreNotPemAreNamed() throws Exception {
        TrustedKey ssh = new TrustedKey("ops-ssh", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKey ops\n".getBytes());
        VerifierInput request = request(dir.resolve("app.tar.gz"), dir.resolve("p256.sig"), ssh);
        Verification verdict = assertRefused(
                verifier.verify(request), request, "none of the trusted keys (ops-ssh) is a PEM public key");
        assertThat(verdict.artifactDigest(), is(nullValue()));
        assertThat(verdict.failure(), startsWith("Signature dist/p256.sig over dist/app.tar.gz "));
    }

    /** format: auto picks raw for what openssl and cosign write, when a trusted key is a PEM public key. */
    @Test
    public void autoDetectionRecognisesOpensslAndCosignSignatures() throws Exception {
        String[][] cases = {
            {"p256.sig", "p256.pub", "ECDSA P-256/SHA-256"},
            {"cosign.sig", "p256.pub", "ECDSA P-256/SHA-256"},
            {"p384.sig", "p384.pub", "ECDSA P-384/SHA-384"},
            {"p521.sig", "p521.pub", "ECDSA P-521/SHA-512"},
            {"rsa.sig", "rsa.pub", "RSA-2048/SHA-256"},
            {"rsa-pss.sig", "rsa.pub", "RSA-2048/PSS/SHA-256"},
            {"rsa512.b64", "rsa.pub", "RSA-2048/SHA-512"},
            {"ed.sig", "ed.pub", "Ed25519"},
        };
        for (String[] c : cases) {
            assertThat(c[0], verifier.recognizes(Files.readAllBytes(dir.resolve(c[0]))), is(true));
            VerifierInput request = request(dir.resolve("app.tar.gz"), dir.resolve(c[0]), key("k", dir.resolve(c[1])));
            Verification verdict =
                    new VerificationService(SignatureVerifiers.standard()).verify(request, Optional.empty());
            assertThat(c[0] + ": " + verdict.failure(), verdict.verified(), is(true));
            assertThat(verdict.format(), is(SignatureFormat.RAW));
            assertThat(verdict.algorithm(), is(c[2]));
        }
    }

    @Test
    public void textAndEmptyFilesDoNotLookLikeRawSignatures() {
        assertThat(verifier.recognizes(new byte[0]), is(false));
        assertThat(verifier.recognizes("this is not a signature\n".getBytes(StandardCharsets.US_ASCII)), is(false));
        assertThat(verifier.recognizes("aGVsbG8=\n".getBytes(StandardCharsets.US_ASCII)), is(false));
        assertThat(verifier.recognizes(new byte[9000]), is(false));
    }

    /** The refusal itself is a row of {@code WeakAlgorithmMatrixTest}; here, detection and a second key. */
    @Test
    public void anUnsupportedCurveIsDetectedAsRawAndNamedAmongSeveralKeys() throws Exception {
        VerifierInput request =
                request(dir.resolve("app.tar.gz"), dir.resolve("k1.sig"), key("bitcoin-key", dir.resolve("k1.pub")));
        Verification auto = new VerificationService(SignatureVerifiers.standard()).verify(request, Optional.empty());
        assertThat(auto.format(), is(SignatureFormat.RAW));
        assertThat(auto.failure(), containsString("curve secp256k1"));
        VerifierInput mixed = request(
                dir.resolve("app.tar.gz"),
                dir.resolve("k1.sig"),
                key("bitcoin-key", dir.resolve("k1.pub")),
                key("release-team", dir.resolve("p256.pub")));
        assertRefused(verifier.verify(mixed), mixed, "not tried: trusted key bitcoin-key is on curve secp256k1");
    }
}
