package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The two-thread copy: the bytes written are the bytes read, the digests are theirs (whatever the sizes
 * of the reads), and a failure or an interruption stops both helper threads.
 */
public class HashingCopyTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ArtifactCoordinates coordinates = new ArtifactCoordinates("app.tar.gz", "1.0");

    @After
    public void noHelperThreadIsLeft() throws Exception {
        for (int i = 0; i < 50 && !helpers().isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), helpers());
    }

    @Test
    public void copiesAndHashesExactlyTheBytesReadInReadsOfAnySize() throws Exception {
        for (int size : List.of(0, 1, HashingCopy.BUFFER_SIZE - 1, HashingCopy.BUFFER_SIZE, 70 * (1 << 20) + 123)) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            for (boolean durable : List.of(false, true)) {
                Path out = tmp.newFile().toPath();
                HashingCopy.Result result;
                try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
                    result = HashingCopy.copy(() -> trickling(bytes), channel, coordinates, true, durable);
                }
                assertEquals(size, result.size());
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(bytes), result.sha256());
                assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(bytes), result.sha1());
                assertArrayEquals("size " + size, bytes, Files.readAllBytes(out));
            }
        }
    }

    @Test
    public void aSourceThatFailsMidwayIsReportedAndStopsTheHelpers() throws Exception {
        ArtifactContent failing = () -> new InputStream() {
            private int calls;

            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (++calls > 20) {
                    throw new IOException("channel closed");
                }
                return length;
            }
        };
        try (FileChannel channel = FileChannel.open(tmp.newFile().toPath(), StandardOpenOption.WRITE)) {
            RepositoryException e = assertThrows(
                    RepositoryException.class, () -> HashingCopy.copy(failing, channel, coordinates, false, true));
            assertFalse(e.isRefusal());
            assertThat(
                    e.getMessage(),
                    containsString("Reading the bytes of app.tar.gz version 1.0 to publish them"
                            + " failed: java.io.IOException: channel closed. Nothing was published"));
        }
    }

    @Test
    public void anInterruptedCopyStopsAndKeepsTheInterrupt() throws Exception {
        ArtifactContent endless = () -> new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Thread.currentThread().interrupt();
                return length;
            }
        };
        try (FileChannel channel = FileChannel.open(tmp.newFile().toPath(), StandardOpenOption.WRITE)) {
            IOException e = assertThrows(
                    IOException.class, () -> HashingCopy.copy(endless, channel, coordinates, false, false));
            assertTrue(Thread.interrupted());
            assertThat(e.toString().toLowerCase(java.util.Locale.ROOT), containsString("interrupt"));
        }
    }

    /** The bytes, in reads of varying sizes, as a network stream delivers them. */
    private static InputStream trickling(byte[] bytes) {
        Random sizes = new Random(1);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1 + sizes.nextInt(200_000)));
            }
        };
    }

    private static List<String> helpers() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("promotion hashing") || name.startsWith("promotion write-back"))
                .toList();
    }
}
