package io.jenkins.plugins.promotiongates.core.artifact;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StreamingDigesterTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final StreamingDigester digester = new StreamingDigester();

    @Test
    public void knownVectors() throws IOException {
        Path empty = temp.newFile("empty").toPath();
        Digests none = digester.digest(empty, EnumSet.allOf(DigestAlgorithm.class));
        assertEquals(0, none.size());
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", none.hex(DigestAlgorithm.SHA256));

        Path abc = temp.newFile("abc").toPath();
        Files.writeString(abc, "abc", StandardCharsets.US_ASCII);
        Digests digests = digester.digest(abc, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
        assertEquals(3, digests.size());
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                digests.hex(DigestAlgorithm.SHA256));
        assertEquals(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                digests.hex(DigestAlgorithm.SHA512));
    }

    @Test
    public void agreesWithCoreutilsAcrossBufferBoundaries() throws Exception {
        Random random = new Random(20261126L);
        int buffer = StreamingDigester.MIN_BUFFER_SIZE;
        StreamingDigester smallBuffer = new StreamingDigester(buffer);
        for (int size : new int[] {1, buffer - 1, buffer, buffer + 1, 3 * buffer + 17, 5_000_000}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = temp.newFile("random-" + size).toPath();
            Files.write(file, content);
            Digests digests = smallBuffer.digest(file, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
            assertEquals(size, digests.size());
            assertEquals("size " + size, coreutils("sha256sum", file), digests.hex(DigestAlgorithm.SHA256));
            assertEquals("size " + size, coreutils("sha512sum", file), digests.hex(DigestAlgorithm.SHA512));
        }
    }

    @Test
    public void everySinkSeesEveryByteOnceInOrder() throws IOException {
        byte[] content = new byte[StreamingDigester.DEFAULT_BUFFER_SIZE * 2 + 5];
        new Random(7).nextBytes(content);
        Path file = temp.newFile("content").toPath();
        Files.write(file, content);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Digests digests = digester.digest(file, Set.of(), first::write, second::write);
        assertArrayEquals(content, first.toByteArray());
        assertArrayEquals(content, second.toByteArray());
        assertEquals(content.length, digests.size());
        assertTrue(digests.values().isEmpty());
    }

    @Test
    public void confinedDigestRefusesEscapesBeforeReading() throws IOException {
        Path workspace = temp.newFolder("ws").toPath();
        Files.writeString(workspace.resolve("a.txt"), "abc");
        ConfinedPath root = ConfinedPath.under(workspace);
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                digester.digest(root, "a.txt", Set.of(DigestAlgorithm.SHA256)).hex(DigestAlgorithm.SHA256));
        assertThrows(
                ArtifactPathException.class,
                () -> digester.digest(root, "../ws/a.txt", Set.of(DigestAlgorithm.SHA256)));
    }

    @Test
    public void comparesDigestsWithoutLeakingThroughEarlyExit() throws IOException {
        Path file = temp.newFile("abc").toPath();
        Files.writeString(file, "abc");
        Digests digests = digester.digest(file, Set.of(DigestAlgorithm.SHA256));
        byte[] expected = HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertTrue(digests.sha256().matches(ArtifactDigest.of(DigestAlgorithm.SHA256, expected)));
        expected[31] ^= 1;
        assertFalse(digests.sha256().matches(ArtifactDigest.of(DigestAlgorithm.SHA256, expected)));
        assertThrows(IllegalArgumentException.class, () -> digests.get(DigestAlgorithm.SHA512));
    }

    @Test
    public void bufferSizeIsBounded() {
        assertThrows(
                IllegalArgumentException.class, () -> new StreamingDigester(StreamingDigester.MIN_BUFFER_SIZE - 1));
        assertThrows(
                IllegalArgumentException.class, () -> new StreamingDigester(StreamingDigester.MAX_BUFFER_SIZE + 1));
    }

    @Test
    public void parsesAlgorithmNamesAsToolsSpellThem() {
        assertEquals(DigestAlgorithm.SHA256, DigestAlgorithm.parse("sha256"));
        assertEquals(DigestAlgorithm.SHA512, DigestAlgorithm.parse("SHA-512"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DigestAlgorithm.parse("md5"));
        assertEquals("Unsupported digest algorithm 'md5'. Use one of sha256, sha384, sha512.", e.getMessage());
    }

    static String coreutils(String tool, Path file) throws Exception {
        Process process = new ProcessBuilder(tool, "-b", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tool + " did not finish", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(tool + " failed: " + output, 0, process.exitValue());
        return output.substring(0, output.indexOf(' '));
    }
}
