package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import io.jenkins.plugins.promotiongates.core.signature.minisign.MinisignVerifier;
import io.jenkins.plugins.promotiongates.core.signature.signify.SignifyVerifier;
import io.jenkins.plugins.promotiongates.core.signature.ssh.SshVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
import org.junit.rules.TemporaryFolder;

/**
 * Seeded fuzzing: for each format, 10,000 random and mutated signatures (from real tool output)
 * go through the verifier and the detector. Every case must end, within a deadline, in a verdict
 * with a clean message or a clean detection error: no uncaught exception, no hang. A failing case
 * prints its seed and index, so it can be replayed with {@code -Dfuzz.seed=...}.
 */
public class SshMinisignSignifyChecksumFuzzTest {

    private static final int CASES = 10_000;
    private static final long SEED = Long.getLong("fuzz.seed", 20_250_101L);

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path dir;
    private static Path artifact;
    private static ExecutorService executor;
    private static List<TrustedKey> keys;

    private final SignatureFormatDetector detector = new SignatureFormatDetector(
            List.of(new SshVerifier(), new MinisignVerifier(), new SignifyVerifier(), new ChecksumVerifier()));

    @BeforeClass
    public static void makeSeeds() throws Exception {
        dir = TEMP.getRoot().toPath();
        artifact = dir.resolve("app.bin");
        Files.writeString(artifact, "fuzzed artifact\n");
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz");
            thread.setDaemon(true);
            return thread;
        });
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ed");
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", "ec");
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ed", "-n", "file", "app.bin");
        Files.move(dir.resolve("app.bin.sig"), dir.resolve("ed.sig"));
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ec", "-n", "file", "app.bin");
        Files.move(dir.resolve("app.bin.sig"), dir.resolve("ec.sig"));
        ExternalTool.run(dir, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.key");
        ExternalTool.run(dir, "minisign", "-S", "-s", "m.key", "-m", "app.bin");
        ExternalTool.run(dir, "minisign", "-S", "-l", "-s", "m.key", "-m", "app.bin", "-x", "legacy.minisig");
        ExternalTool.run(dir, "signify-openbsd", "-G", "-n", "-p", "s.pub", "-s", "s.sec");
        ExternalTool.run(dir, "signify-openbsd", "-S", "-s", "s.sec", "-m", "app.bin", "-x", "signify.sig");
        Files.writeString(dir.resolve("SHA256"), ExternalTool.run(dir, "sha256sum", "--tag", "app.bin"));
        ExternalTool.run(dir, "signify-openbsd", "-S", "-e", "-s", "s.sec", "-m", "SHA256");
        Files.writeString(dir.resolve("SUMS"), ExternalTool.run(dir, "sha512sum", "app.bin"));
        String allowed = "a@example.com,*@corp namespaces=\"file\",valid-after=\"20200101\" "
                + Files.readString(dir.resolve("ed.pub")) + Files.readString(dir.resolve("ec.pub"));
        keys = List.of(
                new TrustedKey("ssh", allowed.getBytes(StandardCharsets.UTF_8)),
                new TrustedKey("minisign", Files.readAllBytes(dir.resolve("m.pub"))),
                new TrustedKey("signify", Files.readAllBytes(dir.resolve("s.pub"))));
    }

    @AfterClass
    public static void stop() {
        executor.shutdownNow();
    }

    @Test
    public void ssh() throws Exception {
        fuzz(new SshVerifier(), 1, "ed.sig", "ec.sig");
    }

    @Test
    public void minisign() throws Exception {
        fuzz(new MinisignVerifier(), 2, "app.bin.minisig", "legacy.minisig");
    }

    @Test
    public void signify() throws Exception {
        fuzz(new SignifyVerifier(), 3, "signify.sig", "SHA256.sig");
    }

    @Test
    public void checksum() throws Exception {
        fuzz(new ChecksumVerifier(), 4, "SHA256", "SUMS");
    }

    private void fuzz(SignatureVerifier verifier, long salt, String... seedFiles) throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String file : seedFiles) {
            seeds.add(Files.readAllBytes(dir.resolve(file)));
        }
        for (byte[] seed : seeds) {
            assertEquals(
                    true,
                    verifier.verify(Verdicts.request(artifact, seed, keys)).verified());
        }
        Random random = new Random(SEED * 31 + salt);
        int verified = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = FuzzInputs.next(random, seeds.get(random.nextInt(seeds.size())));
            String where = verifier.format().label() + " case " + i + " (seed " + SEED + ")";
            Verification verdict = runWithDeadline(where, () -> {
                detectCleanly(input);
                return verifier.verify(Verdicts.request(artifact, input, keys));
            });
            assertNotNull(where, verdict);
            if (verdict.verified()) {
                verified++;
            } else {
                assertThat(where, verdict.failure(), containsString("Signature check of 'dist/app.bin' failed: "));
                assertThat(where, verdict.failure(), not(containsString("Exception")));
            }
        }
        assertFalse("mutations must not all verify", verified > CASES / 2);
    }

    private void detectCleanly(byte[] input) {
        try {
            assertNotNull(detector.detect(input, "app.bin.sig", keys));
        } catch (UndetectedFormatException e) {
            assertThat(e.getMessage(), containsString("signature file 'app.bin.sig'"));
        }
    }

    private static <T> T runWithDeadline(String where, java.util.concurrent.Callable<T> task) throws Exception {
        Future<T> future = executor.submit(task);
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError(where + " did not finish within 5 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(where + " threw " + e.getCause(), e.getCause());
        }
    }

    /** Random inputs and mutations of real signatures, line- and base64-aware. */
    static final class FuzzInputs {

        private FuzzInputs() {}

        static byte[] next(Random random, byte[] seed) {
            byte[] input = seed.clone();
            int operations = 1 + random.nextInt(3);
            for (int i = 0; i < operations; i++) {
                input = mutate(random, input);
            }
            return input;
        }

        private static byte[] mutate(Random random, byte[] input) {
            switch (random.nextInt(9)) {
                case 0: {
                    if (input.length > 0) {
                        input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    return input;
                }
                case 1:
                    return Arrays.copyOf(input, input.length == 0 ? 0 : random.nextInt(input.length));
                case 2: {
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    return splice(input, random.nextInt(input.length + 1), 0, inserted);
                }
                case 3: {
                    int from = input.length == 0 ? 0 : random.nextInt(input.length);
                    return splice(input, from, random.nextInt(input.length - from + 1), new byte[0]);
                }
                case 4: {
                    byte[] specials = {'\n', '\r', '=', '-', ' ', 0, (byte) 0xff, '(', ')', '*', '"', ','};
                    if (input.length > 0) {
                        input[random.nextInt(input.length)] = specials[random.nextInt(specials.length)];
                    }
                    return input;
                }
                case 5:
                    return reencodeBase64Line(random, input);
                case 6: {
                    byte[] bytes = new byte[random.nextInt(600)];
                    random.nextBytes(bytes);
                    return bytes;
                }
                case 7: {
                    int from = input.length == 0 ? 0 : random.nextInt(input.length);
                    int length = Math.min(input.length - from, random.nextInt(64));
                    return splice(input, from, 0, Arrays.copyOfRange(input, from, from + length));
                }
                default:
                    return shuffleLines(random, input);
            }
        }

        /** Decodes one base64 line (or the SSH armor body), mutates the binary, and encodes it again. */
        private static byte[] reencodeBase64Line(Random random, byte[] input) {
            String text = new String(input, StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\n", -1);
            int start = random.nextInt(Math.max(1, lines.length));
            for (int k = 0; k < lines.length; k++) {
                int index = (start + k) % lines.length;
                try {
                    byte[] decoded = Base64.getDecoder().decode(lines[index].strip());
                    if (decoded.length < 4) {
                        continue;
                    }
                    int position = random.nextInt(decoded.length);
                    decoded[position] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) 0xff;
                    if (random.nextBoolean()) {
                        decoded = Arrays.copyOf(decoded, random.nextInt(decoded.length + 8));
                    }
                    lines[index] = Base64.getEncoder().encodeToString(decoded);
                    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                } catch (IllegalArgumentException notBase64) {
                    // try the next line
                }
            }
            return input;
        }

        private static byte[] shuffleLines(Random random, byte[] input) {
            List<String> lines =
                    new ArrayList<>(Arrays.asList(new String(input, StandardCharsets.ISO_8859_1).split("\n", -1)));
            if (lines.size() > 1) {
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String line = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, random.nextBoolean() ? line : line + line);
            }
            return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        }

        private static byte[] splice(byte[] input, int from, int removed, byte[] inserted) {
            byte[] out = new byte[input.length - removed + inserted.length];
            System.arraycopy(input, 0, out, 0, from);
            System.arraycopy(inserted, 0, out, from, inserted.length);
            System.arraycopy(input, from + removed, out, from + inserted.length, input.length - from - removed);
            return out;
        }
    }
}
