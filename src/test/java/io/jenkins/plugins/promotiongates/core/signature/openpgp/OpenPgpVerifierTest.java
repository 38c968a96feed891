package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertRefused;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.assertVerified;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.key;
import static io.jenkins.plugins.promotiongates.core.signature.VerdictAssertions.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.signature.GpgHome;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * OpenPGP signatures made by the real gpg, with keys generated once for the class: Ed25519,
 * RSA-3072, ECDSA P-256, a signing subkey, an expired key and a revoked key. Weak algorithms (SHA-1,
 * MD5, RSA-1024, DSA) are rows of {@code WeakAlgorithmMatrixTest}.
 */
public class OpenPgpVerifierTest {

    @ClassRule
    public static final GpgHome GPG = new GpgHome();

    private static Path dir;
    private final OpenPgpVerifier verifier = new OpenPgpVerifier(Clock.systemUTC());

    @BeforeClass
    public static void makeKeysAndSignaturesWithGpg() throws Exception {
        dir = GPG.directory();
        GPG.sh("""
                head -c 200000 /dev/urandom > app.tar.gz
                head -c 1000 /dev/urandom > other.tar.gz
                : > empty.bin
                printf 'line one\\nline two\\n' > notes.txt
                g --quick-gen-key 'Ed Signer <ed@example.org>' ed25519 sign never
                g --quick-gen-key 'RSA Signer <rsa@example.org>' rsa3072 sign never
                g --quick-gen-key 'EC Signer <ec@example.org>' nistp256 sign never
                g --quick-gen-key 'Sub Owner <sub@example.org>' ed25519 cert never
                g --quick-add-key "$(fpr sub@example.org)" ed25519 sign never
                g --quick-gen-key 'Gone <gone@example.org>' ed25519 sign never
                g --faked-system-time 20200101T000000 --quick-gen-key 'Old <old@example.org>' ed25519 sign never
                for id in ed rsa ec sub gone old; do g --armor --export "$id@example.org" > $id.asc; done
                g --export sub@example.org > sub.gpg
                g -u ed@example.org --armor --detach-sign -o ed.asc.sig app.tar.gz
                g -u ed@example.org --detach-sign -o ed.sig app.tar.gz
                g -u ed@example.org --digest-algo SHA512 --detach-sign -o ed512.sig app.tar.gz
                g -u ed@example.org --detach-sign -o ed-other.sig other.tar.gz
                g -u ed@example.org --detach-sign -o ed-empty.sig empty.bin
                g -u ed@example.org --textmode --armor --detach-sign -o notes.txt.asc notes.txt
                g -u rsa@example.org --digest-algo SHA256 --detach-sign -o rsa256.sig app.tar.gz
                g -u rsa@example.org --digest-algo SHA512 --armor --detach-sign -o rsa512.sig app.tar.gz
                g -u ec@example.org --detach-sign -o ec.sig app.tar.gz
                g -u sub@example.org --detach-sign -o sub.sig app.tar.gz
                g -u gone@example.org --detach-sign -o gone.sig app.tar.gz
                sed 's/^:-----BEGIN/-----BEGIN/' "gh/openpgp-revocs.d/$(fpr gone@example.org).rev" | g --import
                g --armor --export gone@example.org > gone-revoked.asc
                old=$(fpr old@example.org)
                g --faked-system-time 20200101T060000 -u old@example.org --detach-sign -o old-before.sig app.tar.gz
                g --faked-system-time 20210101T000000 -u old@example.org --detach-sign -o old-after.sig app.tar.gz
                g --faked-system-time 20200102T000000 --quick-set-expire "$old" 1d
                g --armor --export old@example.org > old-expiring.asc
                """);
    }

    private Verification check(String artifact, String signature, TrustedKey... keys) throws Exception {
        return verifier.verify(request(dir.resolve(artifact), dir.resolve(signature), keys));
    }

    private static String fingerprint(String email) throws Exception {
        return GPG.fingerprint(email);
    }

    @Test
    public void ed25519ArmoredAndBinaryWithSha256AndSha512() throws Exception {
        TrustedKey ed = key("release-team", dir.resolve("ed.asc"));
        Path artifact = dir.resolve("app.tar.gz");
        Verification verdict = assertVerified(check("app.tar.gz", "ed.asc.sig", ed), "EdDSA/SHA-256", artifact);
        assertThat(verdict.keyFingerprint(), is(fingerprint("ed@example.org")));
        assertThat(verdict.signerIdentity(), is("Ed Signer <ed@example.org>"));
        assertVerified(check("app.tar.gz", "ed.sig", ed), "EdDSA/SHA-256", artifact);
        assertVerified(check("app.tar.gz", "ed512.sig", ed), "EdDSA/SHA-512", artifact);
    }

    @Test
    public void rsa3072AndEcdsaSignatures() throws Exception {
        TrustedKey rsa = key("rsa", dir.resolve("rsa.asc"));
        Path artifact = dir.resolve("app.tar.gz");
        assertVerified(check("app.tar.gz", "rsa256.sig", rsa), "RSA-3072/SHA-256", artifact);
        assertVerified(check("app.tar.gz", "rsa512.sig", rsa), "RSA-3072/SHA-512", artifact);
        assertVerified(check("app.tar.gz", "ec.sig", key("ec", dir.resolve("ec.asc"))), "ECDSA-256/SHA-256", artifact);
    }

    @Test
    public void textModeSignatureIsCanonicalised() throws Exception {
        assertVerified(
                check("notes.txt", "notes.txt.asc", key("ed", dir.resolve("ed.asc"))),
                "EdDSA/SHA-256",
                dir.resolve("notes.txt"));
    }

    @Test
    public void signingSubkeyBoundToItsPrimary() throws Exception {
        for (String keyFile : new String[] {"sub.asc", "sub.gpg"}) {
            Verification verdict = assertVerified(
                    check("app.tar.gz", "sub.sig", key("sub", dir.resolve(keyFile))),
                    "EdDSA/SHA-256",
                    dir.resolve("app.tar.gz"));
            assertThat(verdict.signerIdentity(), is("Sub Owner <sub@example.org>"));
            assertThat(verdict.warnings().get(0), containsString("Signed by subkey 0x" + verdict.keyFingerprint()));
        }
    }

    @Test
    public void theIssuerIsFoundInAKeyringOfSeveralKeys() throws Exception {
        Path ring = dir.resolve("ring.asc");
        Files.write(
                ring, (Files.readString(dir.resolve("rsa.asc")) + Files.readString(dir.resolve("ed.asc"))).getBytes());
        assertVerified(
                check("app.tar.gz", "ed.sig", pemKey("ops"), key("ring", ring)),
                "EdDSA/SHA-256",
                dir.resolve("app.tar.gz"));
    }

    @Test
    public void reportsWhichOfSeveralTrustedKeysVerified() throws Exception {
        TrustedKey[] keys = {
            pemKey("ops"),
            key("rsa-team", dir.resolve("rsa.asc")),
            key("ec-team", dir.resolve("ec.asc")),
            key("release-team", dir.resolve("ed.asc")),
            key("sub-team", dir.resolve("sub.gpg"))
        };
        Path artifact = dir.resolve("app.tar.gz");
        assertThat(
                assertVerified(check("app.tar.gz", "ed.sig", keys), "EdDSA/SHA-256", artifact)
                        .trustedKey(),
                is("release-team"));
        assertThat(
                assertVerified(check("app.tar.gz", "ec.sig", keys), "ECDSA-256/SHA-256", artifact)
                        .trustedKey(),
                is("ec-team"));
        assertThat(
                assertVerified(check("app.tar.gz", "sub.sig", keys), "EdDSA/SHA-256", artifact)
                        .trustedKey(),
                is("sub-team"));
        assertThat(check("other.tar.gz", "ed.sig", keys).trustedKey(), is(""));
    }

    private static TrustedKey pemKey(String name) {
        return new TrustedKey(name, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".getBytes());
    }

    @Test
    public void untrustedKeyIsNamedWithItsFingerprint() throws Exception {
        VerifierInput request =
                request(dir.resolve("app.tar.gz"), dir.resolve("ed.sig"), key("release-team", dir.resolve("rsa.asc")));
        assertRefused(
                verifier.verify(request),
                request,
                "was made by key 0x" + fingerprint("ed@example.org")
                        + " which is not among the trusted keys (release-team)",
                "Add the key to the trusted keys or sign with a trusted key.");
    }

    @Test
    public void modifiedArtifactAnotherArtifactsSignatureAndEmptyArtifactAreRefused() throws Exception {
        Path modified = dir.resolve("modified.tar.gz");
        byte[] content = Files.readAllBytes(dir.resolve("app.tar.gz"));
        content[content.length - 1] ^= 0x40;
        Files.write(modified, content);
        TrustedKey ed = key("ed", dir.resolve("ed.asc"));
        TrustedKey rsa = key("rsa", dir.resolve("rsa.asc"));
        for (VerifierInput request : new VerifierInput[] {
            request(modified, dir.resolve("ed.sig"), ed),
            request(modified, dir.resolve("rsa512.sig"), rsa),
            request(dir.resolve("app.tar.gz"), dir.resolve("ed-other.sig"), ed),
            request(dir.resolve("empty.bin"), dir.resolve("ed.sig"), ed),
            request(dir.resolve("app.tar.gz"), dir.resolve("ed-empty.sig"), ed)
        }) {
            Verification verdict = assertRefused(
                    verifier.verify(request), request, "does not verify with key 0x", "changed after signing");
            assertThat(verdict.artifactDigest().hex().length(), is(64));
        }
        assertVerified(check("empty.bin", "ed-empty.sig", ed), "EdDSA/SHA-256", dir.resolve("empty.bin"));
    }

    @Test
    public void truncatedGarbageAndEmptySignaturesAreRefused() throws Exception {
        TrustedKey ed = key("ed", dir.resolve("ed.asc"));
        byte[] binary = Files.readAllBytes(dir.resolve("ed.sig"));
        byte[] armored = Files.readAllBytes(dir.resolve("ed.asc.sig"));
        Files.write(dir.resolve("truncated.sig"), Arrays.copyOf(binary, binary.length - 10));
        Files.write(dir.resolve("truncated.asc"), Arrays.copyOf(armored, armored.length / 2));
        Files.write(dir.resolve("garbage.sig"), "not a signature at all\n".getBytes());
        Files.write(dir.resolve("empty.sig"), new byte[0]);
        for (String name : new String[] {"truncated.sig", "truncated.asc", "garbage.sig"}) {
            VerifierInput request = request(dir.resolve("app.tar.gz"), dir.resolve(name), ed);
            assertRefused(verifier.verify(request), request, "OpenPGP", "gpg --detach-sign");
        }
        VerifierInput empty = request(dir.resolve("app.tar.gz"), dir.resolve("empty.sig"), ed);
        assertRefused(verifier.verify(empty), empty, "is empty");
        VerifierInput key = request(dir.resolve("app.tar.gz"), dir.resolve("ed.asc"), ed);
        assertRefused(verifier.verify(key), key, "is not a detached OpenPGP signature");
    }

    @Test
    public void expiryIsJudgedAtTheSignaturesCreationTime() throws Exception {
        TrustedKey old = key("old", dir.resolve("old-expiring.asc"));
        assertVerified(check("app.tar.gz", "old-before.sig", old), "EdDSA/SHA-256", dir.resolve("app.tar.gz"));
        VerifierInput after = request(dir.resolve("app.tar.gz"), dir.resolve("old-after.sig"), old);
        assertRefused(verifier.verify(after), after, "which had expired at 2020-01-03", "gpg --quick-set-expire");
    }

    @Test
    public void revokedKeyIsRefused() throws Exception {
        assertVerified(
                check("app.tar.gz", "gone.sig", key("gone", dir.resolve("gone.asc"))),
                "EdDSA/SHA-256",
                dir.resolve("app.tar.gz"));
        VerifierInput request = request(
                dir.resolve("app.tar.gz"), dir.resolve("gone.sig"), key("gone", dir.resolve("gone-revoked.asc")));
        assertRefused(verifier.verify(request), request, "which is revoked (no reason specified", "not revoked");
    }

    @Test
    public void recognisesArmoredAndBinarySignaturesOnly() throws Exception {
        assertTrue(verifier.recognizes(Files.readAllBytes(dir.resolve("ed.asc.sig"))));
        assertTrue(verifier.recognizes(Files.readAllBytes(dir.resolve("ed.sig"))));
        assertFalse(verifier.recognizes(Files.readAllBytes(dir.resolve("ed.asc"))));
        assertFalse(verifier.recognizes("MEUCIQ...".getBytes()));
        assertThat(Arrays.asList(verifier.format().label()), contains("openpgp"));
    }
}
