package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.signature.cms.CmsVerifier;
import io.jenkins.plugins.promotiongates.core.signature.openpgp.OpenPgpVerifier;
import io.jenkins.plugins.promotiongates.core.signature.raw.RawSignatureVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * 10,000 random and mutated signatures per format (bit flips, truncations, splices, insertions,
 * random bytes), seeded so that a failure is reproducible: every case ends in a clean verdict or
 * a clean refusal, within a deadline, never in an exception.
 */
public class OpenPgpCmsRawFuzzTest {

    private static final int CASES = 10_000;
    private static final long SEED = Long.getLong("fuzz.seed", 20_260_501L);
    private static final long DEADLINE_MILLIS = 5_000;

    @ClassRule
    public static final GpgHome GPG = new GpgHome();

    private static Path dir;
    private static ExecutorService worker;

    @BeforeClass
    public static void makeValidSignatures() throws Exception {
        dir = GPG.directory();
        worker = Executors.newSingleThreadExecutor();
        GPG.sh("""
                head -c 1024 /dev/urandom > app.bin
                g --quick-gen-key 'Fuzz <fuzz@example.org>' ed25519 sign never
                g --armor --export fuzz@example.org > pgp.key
                g -u fuzz@example.org --detach-sign -o pgp.sig app.bin
                g -u fuzz@example.org --armor --detach-sign -o pgp.asc app.bin
                q() { openssl "$@" 2>/dev/null; }
                q genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key
                q genpkey -algorithm ed25519 -out ed.key
                q genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key
                for k in p256 ed rsa; do q pkey -in $k.key -pubout -out $k.pub; done
                cat p256.pub ed.pub rsa.pub > raw.keys
                q dgst -sha256 -sign p256.key -out p256.sig app.bin
                q dgst -sha256 -sign p256.key app.bin | base64 -w0 > p256.b64
                q pkeyutl -sign -rawin -inkey ed.key -in app.bin -out ed.sig
                q dgst -sha256 -sign rsa.key -sigopt rsa_padding_mode:pss -out rsa.sig app.bin
                q req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem -subj /CN=Root -days 30
                q cms -sign -binary -in app.bin -signer root.pem -inkey root.key -md sha256 -outform DER -out cms.p7s
                q cms -sign -binary -in app.bin -signer root.pem -inkey root.key -md sha256 -outform PEM -out cms.pem
                """);
    }

    @AfterClass
    public static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    public void openPgp() throws Exception {
        fuzz(new OpenPgpVerifier(Clock.systemUTC()), "pgp.key", 1, "pgp.sig", "pgp.asc");
    }

    @Test
    public void raw() throws Exception {
        fuzz(new RawSignatureVerifier(), "raw.keys", 2, "p256.sig", "p256.b64", "ed.sig", "rsa.sig");
    }

    @Test
    public void cms() throws Exception {
        fuzz(new CmsVerifier(Clock.systemUTC()), "root.pem", 3, "cms.p7s", "cms.pem");
    }

    private void fuzz(SignatureVerifier verifier, String keyFile, long salt, String... validFiles) throws Exception {
        List<byte[]> valid = new ArrayList<>();
        for (String file : validFiles) {
            valid.add(Files.readAllBytes(dir.resolve(file)));
        }
        TrustedKey key = new TrustedKey("fuzz-key", Files.readAllBytes(dir.resolve(keyFile)));
        for (byte[] original : valid) {
            assertThat(verify(verifier, original, key, -1).verified(), is(true));
        }
        Random random = new Random(SEED * 31 + salt);
        ArtifactDigest expectedSha256 = verify(verifier, valid.get(0), key, -1).artifactDigest();
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(random, valid);
            Verification verdict = verify(verifier, input, key, i);
            if (verdict.verified()) {
                assertThat(verdict.artifactDigest(), is(expectedSha256));
            } else {
                assertNotNull(verdict.failure());
                assertThat(
                        "case " + i + ": " + verdict.failure(),
                        verdict.failure().startsWith("Signature sig over dist/app.bin "),
                        is(true));
                VerdictAssertions.assertCleanMessage(verdict.failure());
            }
        }
    }

    private static Verification verify(SignatureVerifier verifier, byte[] signature, TrustedKey key, int index)
            throws Exception {
        VerifierInput request = VerifierInput.of(
                VerificationRequest.forArtifact("dist/app.bin").build(),
                ArtifactContent.of(dir.resolve("app.bin")),
                "sig",
                signature,
                List.of(key),
                AlgorithmPolicy.DEFAULT);
        Future<Verification> result = worker.submit(() -> verifier.verify(request));
        try {
            return result.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            fail(verifier.format() + " case " + index + " (seed " + SEED + ") took longer than " + DEADLINE_MILLIS
                    + " ms");
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(verifier.format() + " case " + index + " (seed " + SEED + ") threw", e.getCause());
        }
    }

    private static byte[] mutate(Random random, List<byte[]> valid) {
        byte[] base = valid.get(random.nextInt(valid.size())).clone();
        switch (random.nextInt(7)) {
            case 0 -> { // bit flips
                int flips = 1 + random.nextInt(8);
                for (int j = 0; j < flips && base.length > 0; j++) {
                    base[random.nextInt(base.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return base;
            }
            case 1 -> { // truncation
                return Arrays.copyOf(base, random.nextInt(base.length + 1));
            }
            case 2 -> { // splice two valid inputs
                byte[] other = valid.get(random.nextInt(valid.size()));
                int cut = random.nextInt(base.length + 1);
                int from = random.nextInt(other.length + 1);
                byte[] spliced = Arrays.copyOf(base, cut + other.length - from);
                System.arraycopy(other, from, spliced, cut, other.length - from);
                return spliced;
            }
            case 3 -> { // random bytes
                byte[] bytes = new byte[random.nextInt(700)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 4 -> { // random bytes overwritten in a run
                int start = random.nextInt(base.length);
                int length = Math.min(base.length - start, 1 + random.nextInt(16));
                for (int j = start; j < start + length; j++) {
                    base[j] = (byte) random.nextInt(256);
                }
                return base;
            }
            case 5 -> { // insertion of random bytes
                int at = random.nextInt(base.length + 1);
                byte[] extra = new byte[1 + random.nextInt(32)];
                random.nextBytes(extra);
                byte[] grown = new byte[base.length + extra.length];
                System.arraycopy(base, 0, grown, 0, at);
                System.arraycopy(extra, 0, grown, at, extra.length);
                System.arraycopy(base, at, grown, at + extra.length, base.length - at);
                return grown;
            }
            default -> { // length-field style edits: set a byte to an extreme value
                if (base.length > 0) {
                    base[random.nextInt(Math.min(base.length, 40))] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
                }
                return base;
            }
        }
    }
}
